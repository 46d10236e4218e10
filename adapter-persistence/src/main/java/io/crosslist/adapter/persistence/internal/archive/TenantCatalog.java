package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables and sequences of one tenant's schema as PostgreSQL's catalog has them, whatever track created them:
 * each table's columns (generated columns left out: PostgreSQL computes them), the tables in an order that
 * satisfies their foreign keys, and each sequence with the column that owns it. Read in the caller's transaction,
 * so under its snapshot. The schema name is bound as a value, taken from the {@link TenantId}.
 */
final class TenantCatalog {
  private static final String TABLES = "select c.oid, c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n"
      + " on n.oid = c.relnamespace where n.nspname = ? and c.relkind = 'r' order by c.relname";
  private static final String COLUMNS = "select a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
      + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
      + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind = 'r'"
      + " and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attrelid, a.attnum";
  /** Deferrable keys are left out: a restore defers them, so they impose no order. */
  private static final String FOREIGN_KEYS = "select k.conrelid, k.confrelid from pg_catalog.pg_constraint k"
      + " join pg_catalog.pg_namespace n on n.oid = k.connamespace where n.nspname = ? and k.contype = 'f'"
      + " and not k.condeferrable";
  private static final String SEQUENCES = "select s.oid, s.relname, t.relname, a.attname, q.last_value"
      + " from pg_catalog.pg_class s join pg_catalog.pg_namespace n on n.oid = s.relnamespace"
      + " join pg_catalog.pg_sequences q on q.schemaname = n.nspname and q.sequencename = s.relname"
      + " left join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_class'::regclass and d.objid = s.oid"
      + "   and d.refclassid = 'pg_catalog.pg_class'::regclass and d.deptype in ('a', 'i')"
      + " left join pg_catalog.pg_class t on t.oid = d.refobjid"
      + " left join pg_catalog.pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid"
      + " where n.nspname = ? and s.relkind = 'S' order by s.relname";

  /** A column and its type as {@code format_type} spells it, e.g. {@code numeric(12,2)}. */
  record Column(String name, String type) {
    Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /** A table of the schema with its columns in their order. */
  record Table(String name, List<Column> columns) {
    Table {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }
  }

  /**
   * A sequence of the schema.
   *
   * @param oid its object id in this database
   * @param ownerTable the table whose column owns it (an identity or serial column), or null
   * @param ownerColumn that column, or null
   * @param lastValue its last value, or null when it was never used
   */
  record Sequence(long oid, String name, String ownerTable, String ownerColumn, Long lastValue) {}

  private final List<Table> tables;
  private final List<Sequence> sequences;

  private TenantCatalog(List<Table> tables, List<Sequence> sequences) {
    this.tables = List.copyOf(tables);
    this.sequences = List.copyOf(sequences);
  }

  /** The tables in load order: a table comes after every table its non-deferrable foreign keys reference. */
  List<Table> tables() {
    return tables;
  }

  List<Sequence> sequences() {
    return sequences;
  }

  /**
   * @throws IllegalStateException when non-deferrable foreign keys form a cycle: no order could load those tables
   */
  static TenantCatalog read(Connection c, TenantId tenant) throws SQLException {
    String schema = tenant.schemaName();
    Map<Long, String> names = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(TABLES)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    Map<Long, List<Column>> columns = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Column(rs.getString(2),
              rs.getString(3)));
        }
      }
    }
    Map<String, Set<String>> references = new TreeMap<>();
    names.values().forEach(name -> references.put(name, new TreeSet<>()));
    try (PreparedStatement ps = c.prepareStatement(FOREIGN_KEYS)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String from = names.get(rs.getLong(1));
          String to = names.get(rs.getLong(2));
          if (from != null && to != null && !from.equals(to)) { // a self-reference is checked per statement
            references.get(from).add(to);
          }
        }
      }
    }
    List<Sequence> sequences = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SEQUENCES)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long last = rs.getLong(5);
          Long lastValue = rs.wasNull() ? null : last;
          sequences.add(new Sequence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), lastValue));
        }
      }
    }
    Map<String, Table> byName = new HashMap<>();
    names.forEach((oid, name) -> byName.put(name, new Table(name, columns.getOrDefault(oid, List.of()))));
    return new TenantCatalog(loadOrder(references, tenant).stream().map(byName::get).toList(), sequences);
  }

  /** Referenced tables first, by name among those ready at the same time (Kahn's algorithm), so the order is stable. */
  static List<String> loadOrder(Map<String, Set<String>> references, TenantId tenant) {
    Map<String, Set<String>> waiting = new TreeMap<>();
    references.forEach((table, refs) -> waiting.put(table, new HashSet<>(refs)));
    List<String> order = new ArrayList<>();
    Deque<String> ready = new ArrayDeque<>();
    while (!waiting.isEmpty()) {
      waiting.entrySet().removeIf(e -> {
        if (e.getValue().isEmpty()) {
          ready.add(e.getKey());
          return true;
        }
        return false;
      });
      if (ready.isEmpty()) {
        throw new IllegalStateException("the tables " + waiting.keySet() + " of " + tenant + " reference each"
            + " other through foreign keys that are not deferrable, so no order loads them: make one of those keys"
            + " deferrable");
      }
      while (!ready.isEmpty()) {
        String table = ready.poll();
        order.add(table);
        waiting.values().forEach(refs -> refs.remove(table));
      }
    }
    return order;
  }
}
