package io.crosslist.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database on the benchmark server ({@link BenchmarkDatabase#serverUrl()}), created empty for one
 * system of one run and dropped when closed, so that no system measures another's catalog or an earlier run's.
 */
final class ScratchDatabase implements AutoCloseable {
  /** The system catalogs that tenant DDL grows; analyzed after provisioning where autovacuum is off. */
  private static final List<String> CATALOGS = List.of("pg_class", "pg_attribute", "pg_namespace", "pg_type",
      "pg_index", "pg_constraint", "pg_depend", "pg_attrdef", "pg_sequence", "pg_statistic", "pg_shdepend");

  private final String name;
  private final boolean keep;

  private ScratchDatabase(String name, boolean keep) {
    this.name = name;
    this.keep = keep;
  }

  /** Drops {@code name} if an earlier run left it, and creates it empty. */
  static ScratchDatabase create(String name, boolean keep) throws SQLException {
    try (Connection c = DriverManager.getConnection(BenchmarkDatabase.serverUrl()); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    }
    return new ScratchDatabase(name, keep);
  }

  String name() {
    return name;
  }

  String jdbcUrl() {
    return BenchmarkDatabase.jdbcUrlFor(name);
  }

  /**
   * The same database as a libpq URI, for psql: host, port and the user and password parameters of the JDBC
   * URL (libpq refuses PgJDBC's other parameters).
   */
  String libpqUri() {
    String url = jdbcUrl().substring("jdbc:".length());
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : url.substring(q + 1).split("&")) {
      if (parameter.startsWith("user=") || parameter.startsWith("password=")) {
        kept.add(parameter);
      }
    }
    return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  /**
   * Where autovacuum is off (as on this machine kind), analyzes what autovacuum would have analyzed by now:
   * the system catalogs that thousands of tenant schemas grew, and the given tables. Not timed.
   */
  void analyzeIfAutovacuumIsOff(String... tables) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
      if (setting(s, "autovacuum").equals("on")) {
        return;
      }
      long began = System.nanoTime();
      List<String> all = new ArrayList<>(CATALOGS.stream().map(t -> "pg_catalog." + t).toList());
      all.addAll(List.of(tables));
      s.execute("vacuum analyze " + String.join(", ", all));
      System.out.printf("  (autovacuum is off: vacuumed and analyzed the catalogs%s of %s in %.1f s, as autovacuum"
          + " would have)%n", tables.length == 0 ? "" : " and " + String.join(", ", tables), name,
          (System.nanoTime() - began) / 1e9);
    }
  }

  /** One line naming the server settings that move these figures. */
  static String serverSettings() throws SQLException {
    try (Connection c = DriverManager.getConnection(BenchmarkDatabase.serverUrl()); Statement s = c.createStatement()) {
      return String.format("PostgreSQL %s, shared_buffers %s, synchronous_commit %s, fsync %s, autovacuum %s,"
              + " max_locks_per_transaction %s", setting(s, "server_version"), setting(s, "shared_buffers"),
          setting(s, "synchronous_commit"), setting(s, "fsync"), setting(s, "autovacuum"),
          setting(s, "max_locks_per_transaction"));
    }
  }

  /** How many relations (tables, indexes, sequences, ...) the tenant's schema holds: each system must build the same. */
  int relationsOf(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_class r join pg_namespace n on n.oid = r.relnamespace"
            + " where n.nspname = '" + schema.replace("'", "''") + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String setting(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("select current_setting('" + name + "')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    if (keep) {
      System.out.println("kept database " + name + " (--keep)");
      return;
    }
    try (Connection c = DriverManager.getConnection(BenchmarkDatabase.serverUrl()); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    }
  }
}
