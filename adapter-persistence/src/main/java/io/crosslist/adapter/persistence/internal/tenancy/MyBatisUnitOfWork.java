package io.crosslist.adapter.persistence.internal.tenancy;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionManager;

/**
 * The unit of work, and the one way every repository statement gets a session. Inside {@link
 * #inTransaction} statements for that tenant join the transaction bound to the thread; outside, each
 * statement runs on its own auto-commit session (one round trip, nothing held open).
 *
 * <p>The thread-bound state here is the open transaction and whose it is; it lives only in this
 * adapter and only while {@code inTransaction} runs. It is a guard, never a source of the tenant:
 * every statement still receives its tenant explicitly, and a statement for another tenant is refused.
 *
 * <p>Every session gets its connection here: a tenant's from the tenant's {@linkplain ConnectionLanes
 * lane}, shared-schema work's from any lane.
 */
@Singleton
public final class MyBatisUnitOfWork implements UnitOfWork {
  private final SqlSessionManager sessions;
  private final ConnectionLanes lanes;
  /** The tenant whose transaction this thread has open; unset outside one. */
  private final ThreadLocal<TenantId> transactionOwner = new ThreadLocal<>();

  @Inject
  MyBatisUnitOfWork(SqlSessionManager sessions, ConnectionLanes lanes) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.lanes = Objects.requireNonNull(lanes, "lanes");
  }

  @Override
  public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(work, "work");
    TenantId owner = transactionOwner.get();
    if (owner != null) {
      requireOwner(owner, tenant);
      return work.get();
    }
    Connection connection = connectionFor(tenant);
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw PostgresErrors.translate(new PersistenceException("could not begin a transaction for " + tenant, e),
          tenant);
    }
    sessions.startManagedSession(connection);
    transactionOwner.set(tenant);
    try {
      T result = work.get();
      sessions.commit(true);
      return result;
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw PostgresErrors.translate(e, tenant);
    } catch (Error e) {
      rollbackQuietly(e);
      throw e;
    } finally {
      transactionOwner.remove();
      sessions.close();
    }
  }

  /** Rolls back after {@code failure}; a rollback that fails too (the connection is gone) is added to it. */
  private void rollbackQuietly(Throwable failure) {
    try {
      sessions.rollback(true);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Whether this thread has a transaction open (statements then join it and their locks last until it ends). */
  public boolean inTransaction() {
    return transactionOwner.get() != null;
  }

  /** Runs a tenant statement: in the current transaction when there is one (for this tenant), else on its own. */
  public <T> T call(TenantId tenant, Function<SqlSession, T> statement) {
    Objects.requireNonNull(tenant, "tenant");
    TenantId owner = transactionOwner.get();
    try {
      if (owner != null) {
        requireOwner(owner, tenant);
        return statement.apply(sessions);
      }
      try (SqlSession session = sessions.openSession(connectionFor(tenant))) {
        return statement.apply(session);
      }
    } catch (RuntimeException e) {
      throw PostgresErrors.translate(e, tenant);
    }
  }

  /** Runs a statement on shared tables only: joins the current transaction if there is one. */
  public <T> T callShared(Function<SqlSession, T> statement) {
    try {
      if (transactionOwner.get() != null) {
        return statement.apply(sessions);
      }
      try (SqlSession session = sessions.openSession(connectionFor(null))) {
        return statement.apply(session);
      }
    } catch (RuntimeException e) {
      throw PostgresErrors.translate(e, null);
    }
  }

  /** An auto-commit connection from the tenant's lane, or from any lane for shared tables ({@code tenant} null). */
  private Connection connectionFor(TenantId tenant) {
    try {
      return tenant != null ? lanes.forTenant(tenant) : lanes.forShared();
    } catch (SQLException e) {
      throw PostgresErrors.translate(new PersistenceException("no database connection for "
          + (tenant != null ? tenant : "shared tables") + ": " + e.getMessage(), e), tenant);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // already failing; the pool evicts a broken connection itself
    }
  }

  private static void requireOwner(TenantId owner, TenantId requested) {
    if (!owner.equals(requested)) {
      throw new IllegalStateException("a unit of work for " + owner + " cannot run a statement for " + requested
          + ": one transaction serves one tenant");
    }
  }
}
