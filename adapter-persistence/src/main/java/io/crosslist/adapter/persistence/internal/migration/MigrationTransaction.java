package io.crosslist.adapter.persistence.internal.migration;

import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The transaction every schema change runs in (shared migrations, a tenant's provisioning, migration, drop or
 * import): one connection, a one-shot statement (DDL is never kept prepared), committed when the work returns,
 * rolled back when it throws, the connection given back in auto-commit. The repositories' transactions are the
 * unit of work's; this is the one for migration DDL.
 */
public final class MigrationTransaction {
  /** Advisory lock class id ('CLTN'): one change of a tenant's schema at a time, whichever process makes it. */
  public static final int TENANT_LOCK = 0x434c544e;

  private MigrationTransaction() {}

  /** The work of one transaction, given its connection and a one-shot statement on it. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run(Connection c, Statement st) throws SQLException, E;
  }

  public static <T, E extends Exception> T run(Connection c, Work<T, E> work) throws SQLException, E {
    c.setAutoCommit(false);
    try (Statement st = ConnectionPool.oneShot(c)) {
      T result = work.run(c, st);
      c.commit();
      return result;
    } catch (Exception e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The statement that takes {@code tenant}'s lock until the transaction ends ({@code shared} for readers). */
  public static String tenantLock(TenantId tenant, boolean shared) {
    return "select pg_advisory_xact_lock" + (shared ? "_shared(" : "(") + TENANT_LOCK + ", "
        + Long.hashCode(tenant.value()) + ")";
  }
}
