package io.crosslist.adapter.persistence.internal.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Pooled connections resolve no table by an unqualified name, so SQL that forgets ${tenant} fails loudly. */
class FailClosedSearchPathTest {

  @Test
  void an_unqualified_tenant_table_reference_errors_instead_of_reading_some_schema() throws Exception {
    Persistence db = Persistence.get();
    TenantId tenant = db.newTenant();
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings());
        Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("show search_path")) {
        rs.next();
        assertEquals(ConnectionPool.FAIL_CLOSED_SEARCH_PATH, rs.getString(1));
      }
      SQLException products = assertThrows(SQLException.class, () -> s.executeQuery("select count(*) from products"));
      assertEquals("42P01", products.getSQLState(), products.getMessage());
      SQLException tenants = assertThrows(SQLException.class, () -> s.executeQuery("select count(*) from tenants"));
      assertEquals("42P01", tenants.getSQLState(), "the shared schema is not on the path either");
      // the qualified statement works on the very same connection
      try (ResultSet rs = s.executeQuery(TenantSqlRenderer.render("select count(*) from ${tenant}.products", tenant))) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void reset_all_returns_to_the_fail_closed_path_not_to_public() throws Exception {
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings());
        Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("reset all"); // what PgBouncer's server_reset_query (DISCARD ALL) does
      try (ResultSet rs = s.executeQuery("show search_path")) {
        rs.next();
        assertEquals(ConnectionPool.FAIL_CLOSED_SEARCH_PATH, rs.getString(1));
      }
    }
  }
}
