package io.crosslist.adapter.persistence.internal.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** Pooled connections prepare each tenant statement at its first use and plan it once; the URL can say otherwise. */
@org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(named = TestDatabase.POOLER_VARIABLE,
    matches = "(?i)transaction", disabledReason = "behind a transaction pooler nothing is prepared on the server"
        + " and the plan cache mode is the role default (PoolerModeTest)")
class PlanCachingTest {

  @Test
  void a_tenant_statement_is_prepared_on_the_server_at_its_first_use_with_a_generic_plan() throws Exception {
    TenantId tenant = Persistence.get().newTenant();
    String sql = TenantSqlRenderer.render("select count(*) from ${tenant}.products where id > ?", tenant);
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings());
        Connection c = pool.getConnection()) {
      assertEquals("force_generic_plan", show(c, "plan_cache_mode"));
      assertEquals(1, c.unwrap(PGConnection.class).getPrepareThreshold());
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, 0);
        ps.executeQuery().close();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "select generic_plans, custom_plans from pg_prepared_statements where statement like ?")) {
        ps.setString(1, "%" + tenant.schemaName() + "%products%");
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), "prepared on the server after one execution");
          assertEquals(1, rs.getLong(1), "one generic plan");
          assertEquals(0, rs.getLong(2), "no custom plan");
        }
      }
    }
  }

  @Test
  void the_jdbc_url_overrides_plan_caching() throws Exception {
    PersistenceSettings settings = TestDatabase.get().settings();
    String url = settings.jdbcUrl();
    PersistenceSettings overridden = PersistenceSettings.forJdbcUrl(url + (url.contains("?") ? "&" : "?")
        + "prepareThreshold=0&options=-c%20plan_cache_mode%3Dauto");
    if (settings.username() != null) {
      overridden = overridden.withCredentials(settings.username(), settings.password());
    }
    try (HikariDataSource pool = ConnectionPool.open(overridden);
        Connection c = pool.getConnection()) {
      assertEquals("auto", show(c, "plan_cache_mode"));
      assertEquals(0, c.unwrap(PGConnection.class).getPrepareThreshold());
    }
  }

  private static String show(Connection c, String setting) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
