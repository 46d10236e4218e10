package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fleet migration sends each tenant in one round trip once one tenant has shown where the fleet is, and the
 * database's guard sends a tenant that is elsewhere (other versions, an edited checksum, not registered) the long
 * way, where it is migrated or refused exactly as before.
 */
class TenantMigrationRoundTripsTest {
  private static final Persistence db = Persistence.get(); // the shared schema
  private static HikariDataSource pool;
  /** Statements executed and commits made on the tenants' connections: the round trips that carry work. */
  private static final AtomicInteger roundTrips = new AtomicInteger();

  @BeforeAll
  static void open() {
    pool = ConnectionPool.open(TestDatabase.get().settings());
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  private static TenantMigrations build() {
    return new TenantMigrations(pool, tenant -> counted(pool.getConnection()), List.of(MigrationTrack.crosslist()),
        Duration.ofSeconds(2), 3);
  }

  private static TenantId tenantAt(int version) {
    TenantId tenant = Persistence.unusedTenant();
    TenantProvisioningTest.migrations(pool, MigrationScript.TENANT.subList(0, version)).provision(tenant);
    return tenant;
  }

  @Test
  void after_the_first_tenant_every_tenant_at_the_same_versions_is_migrated_in_one_round_trip() throws Exception {
    int older = MigrationScript.TENANT.size() - 1;
    TenantId first = tenantAt(older);
    TenantId second = tenantAt(older);
    TenantMigrations build = build();

    roundTrips.set(0);
    assertEquals(1, build.migrate(first).scriptsApplied());
    assertEquals(4, roundTrips.get(), "the first tenant: its lock, a read of its applied scripts, the scripts, commit");

    roundTrips.set(0);
    var result = build.migrate(second);
    assertEquals(1, roundTrips.get(), "the next tenant where the first was: lock, guard and scripts in one text");
    assertEquals(1, result.scriptsApplied());
    assertEquals(older, result.fromVersion());
    assertEquals(MigrationScript.TENANT.size(), result.toVersion());
    assertEquals(MigrationScript.TENANT.size(), version(second));
    assertEquals(MigrationScript.TENANT.size(), recorded(second), "every script recorded");

    roundTrips.set(0);
    assertTrue(build.migrate(second).noOp(), "a current tenant: nothing to apply");
  }

  @Test
  void a_tenant_at_other_versions_fails_the_guard_and_is_migrated_the_long_way() throws Exception {
    int latest = MigrationScript.TENANT.size();
    TenantMigrations build = build();
    build.migrate(tenantAt(latest - 1)); // the fleet seems to be at latest - 1
    TenantId further = tenantAt(latest - 3);

    var result = build.migrate(further);
    assertEquals(3, result.scriptsApplied(), result.toString());
    assertEquals(latest, version(further));
    assertEquals(latest, recorded(further));
  }

  @Test
  void an_edited_checksum_fails_the_guard_and_is_refused_by_the_full_check_with_nothing_applied() throws Exception {
    int older = MigrationScript.TENANT.size() - 1;
    TenantMigrations build = build();
    build.migrate(tenantAt(older));
    TenantId edited = tenantAt(older);
    sql("update crosslist.tenant_migrations set checksum = '00' || substr(checksum, 3) where tenant_id = "
        + edited.value() + " and track = 'crosslist' and version = 1");

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> build.migrate(edited));
    assertTrue(refused.getMessage().contains("applied migrations must not change"), refused.getMessage());
    assertEquals(older, version(edited), "nothing applied");
  }

  @Test
  void an_unregistered_tenant_fails_the_guard_and_is_unknown() {
    TenantMigrations build = build();
    build.migrate(tenantAt(MigrationScript.TENANT.size() - 1));
    assertThrows(UnknownTenantException.class, () -> build.migrate(Persistence.unusedTenant()));
  }

  @Test
  void a_migration_runs_with_its_lock_timeout_and_an_asynchronous_commit_that_do_not_outlive_it() throws Exception {
    MigrationTrack settings = MigrationTrack.of("settings", MigrationScript.of(1, "read settings",
        "create table ${tenant}.migration_settings as select current_setting('lock_timeout') as lock_timeout,"
            + " current_setting('synchronous_commit') as synchronous_commit"));
    TenantMigrations build = new TenantMigrations(pool, List.of(MigrationTrack.crosslist(), settings),
        Duration.ofMillis(1500), 3);
    for (TenantId tenant : List.of(tenantAt(MigrationScript.TENANT.size()), tenantAt(MigrationScript.TENANT.size()))) {
      build.migrate(tenant); // the first the long way, the second in one round trip
      try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select * from " + tenant.schemaName() + ".migration_settings")) {
        rs.next();
        assertEquals("1500ms", rs.getString("lock_timeout"));
        assertEquals("off", rs.getString("synchronous_commit"));
      }
    }
    try (Connection c = pool.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select current_setting('synchronous_commit'), current_setting('lock_timeout')")) {
      rs.next();
      assertEquals("on", rs.getString(1), "transaction-local: the pooled connection is as before");
      assertEquals("0", rs.getString(2));
    }
  }

  private static int version(TenantId tenant) throws Exception {
    return queryInt("select version from crosslist.tenant_tracks where track = 'crosslist' and tenant_id = "
        + tenant.value());
  }

  private static int recorded(TenantId tenant) throws Exception {
    return queryInt("select count(*) from crosslist.tenant_migrations where track = 'crosslist' and tenant_id = "
        + tenant.value());
  }

  private static int queryInt(String query) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  /** The connection, counting each statement executed on it and each commit. */
  private static Connection counted(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("commit")) {
            roundTrips.incrementAndGet();
          }
          Object result = invoke(connection, method, args);
          if (result instanceof Statement statement) {
            Class<?> type = result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            InvocationHandler counting = (p, m, a) -> {
              if (m.getName().startsWith("execute")) {
                roundTrips.incrementAndGet();
              }
              return invoke(statement, m, a);
            };
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type}, counting);
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
