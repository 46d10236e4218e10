package io.crosslist.adapter.persistence;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
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
 */
@Singleton
final class MyBatisUnitOfWork implements UnitOfWork {
  /** Owner of a transaction on shared tables only: it runs no tenant statement. */
  private static final Object SHARED_TABLES = new Object() {
    @Override
    public String toString() {
      return "shared tables";
    }
  };
  private final SqlSessionManager sessions;
  /** The tenant (or {@link #SHARED_TABLES}) whose transaction this thread has open; unset outside one. */
  private final ThreadLocal<Object> transactionOwner = new ThreadLocal<>();

  @Inject
  MyBatisUnitOfWork(SqlSessionManager sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
    return run(Objects.requireNonNull(tenant, "tenant"), work);
  }

  /** Runs {@code work} as one transaction on shared tables (e.g. the dispatch index); no tenant statement may join it. */
  <T> T inSharedTransaction(Supplier<T> work) {
    return run(SHARED_TABLES, work);
  }

  private <T> T run(Object newOwner, Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    Object owner = transactionOwner.get();
    if (owner != null) {
      requireOwner(owner, newOwner);
      return work.get();
    }
    sessions.startManagedSession(false);
    transactionOwner.set(newOwner);
    try {
      T result = work.get();
      sessions.commit(true);
      return result;
    } catch (RuntimeException | Error e) {
      sessions.rollback(true);
      throw e;
    } finally {
      transactionOwner.remove();
      sessions.close();
    }
  }

  /** Runs a tenant statement: in the current transaction when there is one (for this tenant), else on its own. */
  <T> T call(TenantId tenant, Function<SqlSession, T> statement) {
    Objects.requireNonNull(tenant, "tenant");
    Object owner = transactionOwner.get();
    try {
      if (owner != null) {
        requireOwner(owner, tenant);
        return statement.apply(sessions);
      }
      try (SqlSession session = sessions.openSession(true)) {
        return statement.apply(session);
      }
    } catch (RuntimeException e) {
      throw PostgresErrors.translate(e, tenant);
    }
  }

  /** Runs a statement on shared tables only: joins the current transaction if there is one. */
  <T> T callShared(Function<SqlSession, T> statement) {
    if (transactionOwner.get() != null) {
      return statement.apply(sessions);
    }
    try (SqlSession session = sessions.openSession(true)) {
      return statement.apply(session);
    }
  }

  private static void requireOwner(Object owner, Object requested) {
    if (!owner.equals(requested)) {
      throw new IllegalStateException("a unit of work for " + owner + " cannot run a statement for " + requested
          + ": one transaction serves one tenant");
    }
  }
}
