package io.crosslist.adapter.persistence.internal.migration;

import io.crosslist.adapter.persistence.MigrationScript;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.adapter.persistence.internal.tenancy.PostgresErrors;
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
 * Migrates the shared schema, in one transaction under an advisory lock, so concurrent instances wait for each
 * other and a failure leaves nothing behind (PostgreSQL DDL is transactional); and answers readiness. Tenant
 * schemas are {@link TenantMigrations}' work.
 */
public final class SchemaMigrations implements Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
  /** Advisory lock class id ('CLSH'): keeps Crosslist's locks apart from other users'. */
  private static final int SHARED_LOCK = 0x434c5348;

  private final DataSource dataSource;
  private final List<MigrationScript> sharedScripts;

  public SchemaMigrations(DataSource dataSource) {
    this(dataSource, MigrationScript.SHARED);
  }

  public SchemaMigrations(DataSource dataSource, List<MigrationScript> sharedScripts) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.sharedScripts = List.copyOf(sharedScripts);
  }

  /** Readiness: the database answers within 2 s and its shared schema is at this build's newest version. */
  @Override
  public Status check() {
    int latest = sharedScripts.stream().mapToInt(MigrationScript::version).max().orElse(0);
    try (Connection c = dataSource.getConnection(); Statement st = ConnectionPool.oneShot(c)) {
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
  public int migrateShared() {
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
    try (Statement s = ConnectionPool.oneShot(c)) {
      s.execute(sql);
    }
  }

  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return MigrationTransaction.run(c, (connection, statement) -> work.run(connection));
    } catch (SQLException e) {
      DatabaseUnavailableException unavailable = PostgresErrors.unavailable(e);
      throw unavailable != null ? unavailable : new IllegalStateException("schema migration failed: " + e.getMessage(), e);
    }
  }
}
