package io.crosslist.adapter.persistence;

import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.application.port.out.DatabaseUnavailableException;
import io.crosslist.application.port.out.Readiness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the shared schema and provisions tenant schemas. Each runs in one transaction under an
 * advisory lock, so concurrent instances wait for each other and a failure leaves nothing behind
 * (PostgreSQL DDL is transactional). Versions are recorded centrally in the shared schema.
 */
final class SchemaMigrations implements TenantProvisioning, Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
  /** Advisory lock class ids ('CLSH', 'CLTN'): keep Crosslist's locks apart from other users'. */
  private static final int SHARED_LOCK = 0x434c5348;
  private static final int TENANT_LOCK = 0x434c544e;

  private final DataSource dataSource;
  private final List<MigrationScript> sharedScripts;
  private final List<MigrationScript> tenantScripts;

  SchemaMigrations(DataSource dataSource) {
    this(dataSource, MigrationScript.SHARED, MigrationScript.TENANT);
  }

  SchemaMigrations(DataSource dataSource, List<MigrationScript> sharedScripts, List<MigrationScript> tenantScripts) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.sharedScripts = List.copyOf(sharedScripts);
    this.tenantScripts = List.copyOf(tenantScripts);
  }

  /** Readiness: the database answers within 2 s and its shared schema is at this build's newest version. */
  @Override
  public Status check() {
    int latest = sharedScripts.stream().mapToInt(MigrationScript::version).max().orElse(0);
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.setQueryTimeout(2);
      try (ResultSet rs = st.executeQuery("select coalesce(max(version), 0) from crosslist.shared_migrations")) {
        rs.next();
        int applied = rs.getInt(1);
        return applied == latest ? new Status(true, "database up, shared schema at version " + applied)
            : new Status(false, "shared schema at version " + applied + ", this build expects " + latest);
      }
    } catch (SQLException e) {
      return new Status(false, "database unavailable (SQLState " + e.getSQLState() + ")");
    }
  }

  /** Brings the shared schema to the newest version; returns how many scripts it applied. */
  int migrateShared() {
    return inTransaction(c -> {
      execute(c, "select pg_advisory_xact_lock(" + SHARED_LOCK + ", 0)");
      execute(c, "create schema if not exists crosslist");
      execute(c, "create table if not exists crosslist.shared_migrations (version integer primary key, "
          + "description text not null, checksum text not null, applied_at timestamptz not null default now())");
      Map<Integer, String> applied = checksums(c, "select version, checksum from crosslist.shared_migrations", null);
      int count = 0;
      for (MigrationScript script : sharedScripts) {
        if (verifyApplied(applied, script, "shared schema")) {
          continue;
        }
        execute(c, script.sql());
        try (PreparedStatement ps = c.prepareStatement(
            "insert into crosslist.shared_migrations (version, description, checksum) values (?, ?, ?)")) {
          ps.setInt(1, script.version());
          ps.setString(2, script.description());
          ps.setString(3, script.checksum());
          ps.executeUpdate();
        }
        LOG.info("shared schema migrated to V{} ({})", script.version(), script.description());
        count++;
      }
      return count;
    });
  }

  @Override
  public ProvisioningResult provision(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    ProvisioningResult result = inTransaction(c -> {
      try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
        lock.setInt(1, TENANT_LOCK);
        lock.setInt(2, Long.hashCode(tenant.value()));
        lock.execute();
      }
      Integer current = currentVersion(c, tenant);
      boolean created = current == null;
      if (created) {
        try (PreparedStatement ps = c.prepareStatement("insert into crosslist.tenants (id, schema_name, status) "
            + "values (?, ?, 'ACTIVE')")) {
          ps.setLong(1, tenant.value());
          ps.setString(2, tenant.schemaName());
          ps.executeUpdate();
        }
        execute(c, TenantSqlRenderer.render("create schema ${tenant}", tenant));
      }
      int from = created ? 0 : current;
      Map<Integer, String> applied = checksums(c,
          "select version, checksum from crosslist.tenant_migrations where tenant_id = ?", tenant.value());
      int to = from;
      for (MigrationScript script : tenantScripts) {
        if (verifyApplied(applied, script, tenant.toString())) {
          continue;
        }
        execute(c, TenantSqlRenderer.render(script.sql(), tenant));
        try (PreparedStatement ps = c.prepareStatement("insert into crosslist.tenant_migrations "
            + "(tenant_id, version, description, checksum) values (?, ?, ?, ?)")) {
          ps.setLong(1, tenant.value());
          ps.setInt(2, script.version());
          ps.setString(3, script.description());
          ps.setString(4, script.checksum());
          ps.executeUpdate();
        }
        to = script.version();
      }
      if (to != from) {
        try (PreparedStatement ps = c.prepareStatement(
            "update crosslist.tenants set schema_version = ?, updated_at = now() where id = ?")) {
          ps.setInt(1, to);
          ps.setLong(2, tenant.value());
          ps.executeUpdate();
        }
      }
      return new ProvisioningResult(tenant, created, from, to);
    });
    if (!result.noOp()) {
      LOG.info("{} provisioned: schema version {} -> {}", tenant, result.fromVersion(), result.toVersion());
    }
    return result;
  }

  /** The newest tenant migration version, which every provisioned tenant is brought to. */
  int latestTenantVersion() {
    return MigrationScript.latest(tenantScripts);
  }

  private static Integer currentVersion(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select schema_version from crosslist.tenants where id = ? for update")) {
      ps.setLong(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  /** True when {@code script} was applied already; fails when it was applied with other content. */
  private static boolean verifyApplied(Map<Integer, String> applied, MigrationScript script, String scope) {
    String recorded = applied.get(script.version());
    if (recorded == null) {
      return false;
    }
    if (!recorded.equals(script.checksum())) {
      throw new IllegalStateException("migration V" + script.version() + " (" + script.description() + ") of "
          + scope + " was applied with checksum " + recorded + " but the script now has " + script.checksum()
          + ": applied migrations must not change; add a new version instead");
    }
    return true;
  }

  private static Map<Integer, String> checksums(Connection c, String sql, Long tenantId) throws SQLException {
    Map<Integer, String> result = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (tenantId != null) {
        ps.setLong(1, tenantId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    return result;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      DatabaseUnavailableException unavailable = PostgresErrors.unavailable(e);
      throw unavailable != null ? unavailable : new IllegalStateException("schema migration failed: " + e.getMessage(), e);
    }
  }
}
