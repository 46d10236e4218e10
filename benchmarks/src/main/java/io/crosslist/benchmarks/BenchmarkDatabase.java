package io.crosslist.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark database: {@value #DATABASE} on the server named by {@code CROSSLIST_BENCH_JDBC_URL}
 * (default: local PostgreSQL as user postgres), holding {@value #TENANTS} tenants with {@value
 * #PRODUCTS_PER_TENANT} products each, plus one large tenant holding as many products as all of them. Created on first use; later runs and forks reuse it.
 */
final class BenchmarkDatabase {
  static final String DATABASE = "crosslist_bench";
  static final int TENANTS = 1_000;
  static final int PRODUCTS_PER_TENANT = 10;
  /** One tenant holding TENANTS x PRODUCTS_PER_TENANT products, for the same-data diagnostic. */
  static final TenantId LARGE_TENANT = TenantId.of(1_000_000);
  static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private BenchmarkDatabase() {}

  static String serverUrl() {
    String url = System.getenv("CROSSLIST_BENCH_JDBC_URL");
    return url == null || url.isBlank() ? DEFAULT_SERVER : url;
  }

  static String jdbcUrl() {
    return jdbcUrlFor(DATABASE);
  }

  /** The server's URL with another database name, keeping its parameters. */
  static String jdbcUrlFor(String database) {
    String server = serverUrl();
    int q = server.indexOf('?');
    String base = q < 0 ? server : server.substring(0, q);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + (q < 0 ? "" : server.substring(q));
  }

  /** Creates and fills the database if needed; idempotent. */
  static void prepare() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl()); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("create database " + DATABASE);
        }
      }
    }
    try (PersistenceModule module = new PersistenceModule(PersistenceSettings.forJdbcUrl(jdbcUrl()))) {
      Injector injector = Guice.createInjector(module);
      TenantProvisioning provisioning = injector.getInstance(TenantProvisioning.class);
      ProductRepository products = injector.getInstance(ProductRepository.class);
      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      for (int t = 1; t <= TENANTS; t++) {
        TenantId tenant = TenantId.of(t);
        if (provisioning.provision(tenant).created()) {
          for (int p = 1; p <= PRODUCTS_PER_TENANT; p++) {
            products.add(tenant, Product.newDraft(details(t, p), now));
          }
        }
      }
      if (provisioning.provision(LARGE_TENANT).created()) {
        for (int p = 1; p <= TENANTS * PRODUCTS_PER_TENANT; p++) {
          products.add(LARGE_TENANT, Product.newDraft(details((int) LARGE_TENANT.value(), p), now));
        }
      }
    }
  }

  static void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl()); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
    }
  }

  private static ProductDetails details(int tenant, int product) {
    return new ProductDetails("Tenant " + tenant + " product " + product, "Benchmark product",
        Money.of(product + ".99", "EUR"), "nike", "womens-shoes", "good", "m", "black", 1,
        List.of("https://img.example.com/" + tenant + "/" + product + ".jpg"));
  }
}
