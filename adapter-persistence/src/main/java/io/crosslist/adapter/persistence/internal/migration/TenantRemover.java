package io.crosslist.adapter.persistence.internal.migration;

import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantNotSuspendedException;
import io.crosslist.domain.tenant.TenantRemoval;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a suspended tenant: its schema and every shared row that names it, in one transaction, under the same
 * per-tenant lock as its migrations. A new shared table that holds a {@code tenant_id} is added to
 * {@link #SHARED_ROWS}; a test checks that no shared table with that column is left out.
 */
public final class TenantRemover implements TenantRemoval {
  private static final Logger LOG = LoggerFactory.getLogger(TenantRemover.class);
  /** The shared tables that hold rows of a tenant, children before the registry row they reference. */
  public static final List<String> SHARED_ROWS = List.of("crosslist.job_dispatch", "crosslist.connected_accounts",
      "crosslist.tenant_migrations", "crosslist.tenant_tracks");
  private final DataSource dataSource;

  public TenantRemover(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void drop(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection c = dataSource.getConnection()) {
      MigrationTransaction.run(c, (connection, st) -> {
        st.execute(MigrationTransaction.tenantLock(tenant, false));
        String status;
        try (PreparedStatement ps = connection.prepareStatement(
            "select status from crosslist.tenants where id = ? for update")) {
          ps.setLong(1, tenant.value());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new UnknownTenantException(tenant);
            }
            status = rs.getString(1);
          }
        }
        if (!"SUSPENDED".equals(status)) {
          throw new TenantNotSuspendedException(tenant);
        }
        StringBuilder sql = new StringBuilder(TenantSqlRenderer.render("drop schema if exists ${tenant} cascade",
            tenant)).append(";\n");
        for (String table : SHARED_ROWS) {
          sql.append("delete from ").append(table).append(" where tenant_id = ").append(tenant.value()).append(";\n");
        }
        sql.append("delete from crosslist.tenants where id = ").append(tenant.value());
        st.execute(sql.toString());
        return null;
      });
      LOG.info("{} dropped: its schema and its rows in the shared schema are gone", tenant);
    } catch (SQLException e) {
      throw TenantMigrations.failure("dropping " + tenant, e);
    }
  }
}
