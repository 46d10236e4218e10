package io.crosslist.adapter.persistence.internal.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.inject.Guice;
import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.ArchiveFixtures;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.Pooler;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The transaction-pooler mode on a database of its own: no startup parameters, nothing prepared on the server,
 * one lane, and the fail-closed search_path and plan cache mode set as the role's defaults there and read back.
 * It runs directly and behind the build's PgBouncer alike.
 */
class PoolerModeTest {
  private static ArchiveFixtures.SecondDatabase database;

  @BeforeAll
  static void open() throws Exception {
    database = new ArchiveFixtures.SecondDatabase(java.util.List.of()); // a fresh database: no role defaults yet
  }

  @AfterAll
  static void close() throws Exception {
    database.close();
  }

  private static PersistenceSettings pooled() {
    return PersistenceSettings.forJdbcUrl(database.url).withMaximumPoolSize(6).withPooler(Pooler.TRANSACTION);
  }

  @Test
  void a_fresh_database_misses_the_defaults_and_the_module_sets_them_then_reads_them_back() throws Exception {
    try (Connection c = TestDatabase.connect(database.url)) {
      Map<String, String> before = PoolerDefaults.missing(c);
      if (!before.isEmpty()) { // another test class may have started a module on this database already
        assertEquals(PoolerDefaults.REQUIRED, before, "a database without them misses both");
      }
    }
    try (PersistenceModule module = new PersistenceModule(pooled())) {
      Guice.createInjector(module);
      try (Connection c = TestDatabase.connect(database.url)) {
        assertEquals(Map.of(), PoolerDefaults.missing(c));
      }
    }
    if (TestDatabase.behindPooler()) {
      return; // the pooler's server connections opened before the defaults keep the old values (PoolerDefaults)
    }
    // a new server connection, without any startup parameter, starts fail-closed and with the generic plans
    try (Connection c = TestDatabase.connect(database.url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select current_setting('search_path'), current_setting('plan_cache_mode')")) {
      rs.next();
      assertEquals(ConnectionPool.FAIL_CLOSED_SEARCH_PATH, rs.getString(1));
      assertEquals("force_generic_plan", rs.getString(2));
    }
  }

  @Test
  void pooled_connections_send_no_startup_parameter_prepare_nothing_and_use_one_lane() throws Exception {
    try (PersistenceModule module = new PersistenceModule(pooled())) {
      var injector = Guice.createInjector(module);
      TenantId tenant = TenantId.of(77);
      injector.getInstance(TenantProvisioning.class).provision(tenant);
      ProductRepository products = injector.getInstance(ProductRepository.class);
      for (int i = 0; i < 5; i++) {
        products.findById(tenant, io.crosslist.domain.product.ProductId.of(1));
      }
      assertEquals(1, module.poolStatistics().lanes(), "one lane");
      assertEquals(6, module.poolStatistics().maximum());
    }
    try (HikariDataSource pool = ConnectionPool.open(pooled()); Connection c = pool.getConnection()) {
      java.util.Properties sent = pool.getDataSourceProperties();
      assertFalse(sent.containsKey("currentSchema") || sent.containsKey("options"),
          "no startup parameter a pooler refuses: " + sent);
      assertEquals(0, c.unwrap(PGConnection.class).getPrepareThreshold());
      try (java.sql.PreparedStatement ps = c.prepareStatement("select count(*) from crosslist.tenants where id > ?")) {
        for (int i = 0; i < 5; i++) {
          ps.setLong(1, i);
          ps.executeQuery().close();
        }
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select count(*) from pg_prepared_statements")) {
        rs.next();
        assertEquals(0, rs.getLong(1), "nothing prepared on the server");
      }
    }
  }
}
