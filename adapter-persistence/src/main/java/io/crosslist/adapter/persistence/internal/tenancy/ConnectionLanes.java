package io.crosslist.adapter.persistence.internal.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.PoolStatistics;
import io.crosslist.adapter.persistence.Pooler;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections Crosslist runs on: the pool split into lanes (one HikariCP pool each), with every
 * statement of a tenant on that tenant's lane.
 *
 * <p>Why: tenant SQL names the tenant's schema, so each schema has its own statement texts, and a
 * PostgreSQL backend pays for each schema it meets: catalog cache entries for its tables and indexes,
 * and a parse and plan for each statement until it is prepared (PgJDBC prepares a statement on a
 * connection after 5 executions). A backend that may meet every tenant keeps paying that for tenants
 * it saw too rarely; a backend that serves a fixed share of the tenants keeps them warm. Lanes also
 * cap how many connections one busy tenant can hold.
 *
 * <p>Shared-schema work that runs outside a tenant's transaction (the job claim, heartbeats) takes
 * the lanes in turn.
 */
public final class ConnectionLanes implements AutoCloseable {
  private final List<HikariDataSource> lanes;
  private final AtomicInteger nextShared = new AtomicInteger();

  private ConnectionLanes(List<HikariDataSource> lanes) {
    this.lanes = List.copyOf(lanes);
  }

  /**
   * Opens {@code maximumPoolSize / connectionsPerTenant} lanes (at least one) sharing {@code
   * maximumPoolSize} connections as evenly as they divide; one lane behind a transaction pooler (which picks the
   * server connection itself, so a lane could not keep a tenant's schemas warm on one).
   */
  public static ConnectionLanes open(PersistenceSettings settings) {
    int total = settings.maximumPoolSize();
    int count = settings.pooler() == Pooler.TRANSACTION ? 1 : Math.max(1, total / settings.connectionsPerTenant());
    List<HikariDataSource> lanes = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        int size = total / count + (i < total % count ? 1 : 0);
        lanes.add(ConnectionPool.open(settings, count == 1 ? "crosslist" : "crosslist-lane-" + i, size));
      }
    } catch (RuntimeException e) {
      lanes.forEach(HikariDataSource::close);
      throw e;
    }
    return new ConnectionLanes(lanes);
  }

  /** The lane that runs {@code tenant}'s statements: always the same one for a tenant. */
  HikariDataSource laneOf(TenantId tenant) {
    return lanes.get((int) (tenant.value() % lanes.size()));
  }

  /** A connection on {@code tenant}'s lane. */
  public Connection forTenant(TenantId tenant) throws SQLException {
    return laneOf(tenant).getConnection();
  }

  /** A connection for shared-schema work only; the lanes take turns. */
  Connection forShared() throws SQLException {
    return anyLane().getConnection();
  }

  /** A lane for work that is not tied to a tenant (migrations, shared statements); the lanes take turns. */
  public HikariDataSource anyLane() {
    return lanes.get(Math.floorMod(nextShared.getAndIncrement(), lanes.size()));
  }

  int count() {
    return lanes.size();
  }

  /** The pools' state now, summed over the lanes (a lane not started yet counts as empty). */
  public PoolStatistics statistics() {
    int total = 0;
    int active = 0;
    int idle = 0;
    int waiting = 0;
    int maximum = 0;
    for (HikariDataSource lane : lanes) {
      maximum += lane.getMaximumPoolSize();
      var pool = lane.getHikariPoolMXBean();
      if (pool != null) {
        total += pool.getTotalConnections();
        active += pool.getActiveConnections();
        idle += pool.getIdleConnections();
        waiting += pool.getThreadsAwaitingConnection();
      }
    }
    return new PoolStatistics(lanes.size(), maximum, total, active, idle, waiting);
  }

  @Override
  public void close() {
    lanes.forEach(HikariDataSource::close);
  }
}
