package io.crosslist.benchmarks;

import com.google.inject.Guice;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A product primary-key lookup, four ways, each returning the same domain {@link Product}:
 * through the adapter with a tenant drawn at random among 1,000; (a) the same adapter and mapper on
 * one fixed schema; (b) the legacy pattern: {@code SET LOCAL search_path} then the unqualified query,
 * in one transaction; (c) raw JDBC with the qualified statement. All use HikariCP pools of the same
 * size and PgJDBC settings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TenantLookupBenchmark {
  static final int POOL_SIZE = 4;
  private static final String COLUMNS = "id, title, description, price_amount, price_currency, brand_code, "
      + "category_code, condition_code, size_code, colour_code, stock_quantity, image_urls, status, created_at, "
      + "updated_at, version";
  static final String QUALIFIED = "select " + COLUMNS + " from ${tenant}.products where id = ? and deleted_at is null";
  static final String UNQUALIFIED = "select " + COLUMNS + " from products where id = ? and deleted_at is null";

  /**
   * Experiment knob: extra PgJDBC properties for the raw JDBC pool, {@code k=v,k=v} (empty: none), e.g.
   * {@code -p rawPoolProperties=prepareThreshold=0}. See docs/lab-journal.md.
   */
  @Param({""})
  public String rawPoolProperties;

  /** How many tenants the random variants draw from (the targets are stated for 1,000). */
  @Param({"1000"})
  public int tenantsInPlay;

  /**
   * The adapter's lanes ({@code PersistenceSettings.connectionsPerTenant}); 4, the pool's size, is one
   * lane (every connection serves every tenant), as the baselines' pools do.
   */
  @Param({"4"})
  public int connectionsPerTenant;

  private PersistenceModule module;
  private ProductRepository products;
  private HikariDataSource rawPool;
  private HikariDataSource legacyPool;
  private static final TenantId FIXED = TenantId.of(1);

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    if (tenantsInPlay < 1 || tenantsInPlay > BenchmarkDatabase.TENANTS) {
      throw new IllegalArgumentException("tenantsInPlay must be between 1 and " + BenchmarkDatabase.TENANTS);
    }
    BenchmarkDatabase.prepare();
    module = new PersistenceModule(PersistenceSettings.forJdbcUrl(BenchmarkDatabase.jdbcUrl())
        .withMaximumPoolSize(POOL_SIZE).withConnectionsPerTenant(connectionsPerTenant).withMigrateOnStart(false));
    products = Guice.createInjector(module).getInstance(ProductRepository.class);
    rawPool = pool("raw");
    if (!rawPoolProperties.isEmpty()) {
      rawPool.close();
      HikariConfig config = new HikariConfig();
      config.setPoolName("raw");
      config.setJdbcUrl(BenchmarkDatabase.jdbcUrl());
      config.setMaximumPoolSize(POOL_SIZE);
      config.addDataSourceProperty("preparedStatementCacheQueries", "2048");
      config.addDataSourceProperty("preparedStatementCacheSizeMiB", "16");
      for (String kv : rawPoolProperties.split(",")) {
        config.addDataSourceProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
      rawPool = new HikariDataSource(config);
    }
    legacyPool = pool("legacy");
  }

  private static HikariDataSource pool(String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(BenchmarkDatabase.jdbcUrl());
    config.setMaximumPoolSize(POOL_SIZE);
    config.addDataSourceProperty("preparedStatementCacheQueries", "2048");
    config.addDataSourceProperty("preparedStatementCacheSizeMiB", "16");
    return new HikariDataSource(config);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    module.close();
    rawPool.close();
    legacyPool.close();
  }

  private TenantId randomTenant() {
    return TenantId.of(1 + ThreadLocalRandom.current().nextInt(tenantsInPlay));
  }

  private static long randomProduct() {
    return 1 + ThreadLocalRandom.current().nextInt(BenchmarkDatabase.PRODUCTS_PER_TENANT);
  }

  @Benchmark
  public Product adapterRandomTenant() {
    return products.findById(randomTenant(), ProductId.of(randomProduct())).orElseThrow();
  }

  @Benchmark
  public Product baselineAdapterFixedSchema() {
    return products.findById(FIXED, ProductId.of(randomProduct())).orElseThrow();
  }

  @Benchmark
  public Product baselineLegacySearchPath() throws SQLException {
    TenantId tenant = randomTenant();
    try (Connection c = legacyPool.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          // the legacy pattern this project replaces; the name comes from TenantId, never from input
          s.execute("set local search_path to " + tenant.schemaName());
        }
        Product p;
        try (PreparedStatement ps = c.prepareStatement(UNQUALIFIED)) {
          p = read(ps);
        }
        c.commit();
        return p;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  @Benchmark
  public Product baselineRawJdbcQualified() throws SQLException {
    TenantId tenant = randomTenant();
    try (Connection c = rawPool.getConnection();
        PreparedStatement ps = c.prepareStatement(TenantSqlRenderer.render(QUALIFIED, tenant))) {
      return read(ps);
    }
  }

  /**
   * Diagnostic, not a target: the adapter on one fixed schema that holds as many products as all
   * 1,000 tenants together, so the working set matches {@link #adapterRandomTenant}.
   */
  @Benchmark
  public Product diagnosticAdapterFixedSchemaSameData() {
    long id = 1 + ThreadLocalRandom.current().nextInt(BenchmarkDatabase.TENANTS * BenchmarkDatabase.PRODUCTS_PER_TENANT);
    return products.findById(BenchmarkDatabase.LARGE_TENANT, ProductId.of(id)).orElseThrow();
  }

  /** Diagnostic, not a target: raw JDBC on one fixed schema, to separate the cost of spreading tenants. */
  @Benchmark
  public Product diagnosticRawJdbcFixedSchema() throws SQLException {
    try (Connection c = rawPool.getConnection();
        PreparedStatement ps = c.prepareStatement(TenantSqlRenderer.render(QUALIFIED, FIXED))) {
      return read(ps);
    }
  }

  private static Product read(PreparedStatement ps) throws SQLException {
    ps.setLong(1, randomProduct());
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no product");
      }
      java.sql.Array images = rs.getArray("image_urls");
      List<String> urls = List.copyOf(Arrays.asList((String[]) images.getArray()));
      ProductDetails details = new ProductDetails(rs.getString("title"), rs.getString("description"),
          new Money(rs.getBigDecimal("price_amount"), rs.getString("price_currency")), rs.getString("brand_code"),
          rs.getString("category_code"), rs.getString("condition_code"), rs.getString("size_code"),
          rs.getString("colour_code"), rs.getInt("stock_quantity"), urls);
      return Product.reconstitute(ProductId.of(rs.getLong("id")), details, ProductStatus.valueOf(rs.getString("status")),
          rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
  }
}
