package io.crosslist.adapter.persistence.internal.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/** A tenant's statements stay on its lane of the pool; the lanes share the pool's connections. */
@org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(named = TestDatabase.POOLER_VARIABLE,
    matches = "(?i)transaction", disabledReason = "lanes are switched off behind a transaction pooler: the pooler,"
        + " not Crosslist, picks the server connection")
class ConnectionLanesTest {

  @Test
  void the_pool_is_split_into_lanes_of_about_connectionsPerTenant_connections() {
    assertEquals(List.of(2, 2, 2, 2), laneSizes(8, 2));
    assertEquals(List.of(5, 5), laneSizes(10, 4));
    assertEquals(List.of(4, 3, 3), laneSizes(10, 3));
    assertEquals(List.of(3), laneSizes(3, 4), "a pool smaller than a lane is one lane: no affinity");
  }

  private static List<Integer> laneSizes(int pool, int perTenant) {
    PersistenceSettings settings = TestDatabase.get().settings().withMaximumPoolSize(pool)
        .withConnectionsPerTenant(perTenant);
    try (ConnectionLanes lanes = ConnectionLanes.open(settings)) {
      List<Integer> sizes = new ArrayList<>();
      Set<HikariDataSource> seen = new HashSet<>();
      for (long t = 1; seen.size() < lanes.count(); t++) {
        HikariDataSource lane = lanes.laneOf(TenantId.of(t));
        if (seen.add(lane)) {
          sizes.add(lane.getMaximumPoolSize());
        }
      }
      sizes.sort(java.util.Comparator.reverseOrder());
      return sizes;
    }
  }

  @Test
  void every_statement_of_a_tenant_runs_on_its_own_lanes_backends_and_two_lanes_never_share_one() throws Exception {
    // the shared test adapter: 8 connections, lanes of 4 (the default), so tenants n and n + 1 use different lanes
    MyBatisUnitOfWork sessions = (MyBatisUnitOfWork) Persistence.get().injector.getInstance(UnitOfWork.class);
    TenantId even = TenantId.of(2);
    TenantId odd = TenantId.of(3);
    Set<Integer> evenBackends = ConcurrentHashMap.newKeySet();
    Set<Integer> oddBackends = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        boolean isEven = i % 2 == 0;
        calls.add(threads.submit(() -> (isEven ? evenBackends : oddBackends)
            .add(sessions.call(isEven ? even : odd, ConnectionLanesTest::backendPid))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      threads.shutdown();
    }
    assertTrue(evenBackends.size() <= 4, "tenant 2 used " + evenBackends.size() + " backends: " + evenBackends);
    assertTrue(oddBackends.size() <= 4, "tenant 3 used " + oddBackends.size() + " backends: " + oddBackends);
    Set<Integer> both = new HashSet<>(evenBackends);
    both.retainAll(oddBackends);
    assertTrue(both.isEmpty(), "backends serving both lanes: " + both);
    // a transaction runs on the tenant's lane too
    int inTransaction = sessions.inTransaction(even, () -> sessions.call(even, ConnectionLanesTest::backendPid));
    assertFalse(oddBackends.contains(inTransaction), "tenant 2's transaction ran on backend " + inTransaction
        + " of the other lane " + oddBackends);
  }

  private static int backendPid(SqlSession session) {
    try (Statement s = session.getConnection().createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
