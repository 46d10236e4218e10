package io.crosslist.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.HttpSettings;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.Pooler;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue #20's benchmark: the same work directly against PostgreSQL and through a PgBouncer in transaction mode, in
 * one run, alternating round by round: (1) a product lookup by id through the adapter, tenants at random; (2) the
 * HTTP {@code GET /products/{id}} on the real API, with the JDK's HTTP client as load; (3) the jobs engine's
 * throughput (no-op handlers, jobs spread over the tenants). Both sides have a client pool of {@code --pool}
 * connections; the pooler has as many server connections ({@code default_pool_size}), so the difference is the
 * pooler's hop and what pooler mode gives up (server-side prepared statements, tenant lanes).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.crosslist.benchmarks.PoolerBenchmark [--tenants 100]
 * [--pool 8] [--threads 8] [--duration 10s] [--rounds 3] [--jobs 10000] [--pooler-url URL]}. Without
 * {@code --pooler-url} it starts its own PgBouncer ({@code pgbouncer} on the PATH: {@code apt-get install
 * pgbouncer}) on port 6439 in front of the server of {@code CROSSLIST_BENCH_JDBC_URL}, and stops it at the end.
 */
public final class PoolerBenchmark {
  static final String DATABASE = "crosslist_pooler_bench";
  private static final int PRODUCTS_PER_TENANT = 20;

  private PoolerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tenants = 100;
    int pool = 8;
    int threads = 8;
    Duration duration = Duration.ofSeconds(10);
    int rounds = 3;
    int jobs = 10_000;
    String poolerUrl = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tenants" -> tenants = Integer.parseInt(args[++i]);
        case "--pool" -> pool = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--jobs" -> jobs = Integer.parseInt(args[++i]);
        case "--pooler-url" -> poolerUrl = args[++i];
        default -> {
          System.err.println("usage: PoolerBenchmark [--tenants 100] [--pool 8] [--threads 8] [--duration 10s]"
              + " [--rounds 3] [--jobs 10000] [--pooler-url URL]; unknown " + args[i]);
          System.exit(2);
        }
      }
    }
    String directUrl = BenchmarkDatabase.jdbcUrlFor(DATABASE);
    createDatabase();
    try (BenchPgBouncer bouncer = poolerUrl == null ? BenchPgBouncer.start(directUrl, pool) : null) {
      String throughPooler = poolerUrl != null ? poolerUrl : bouncer.jdbcUrl(DATABASE);
      System.out.printf("machine: %d cores, %s; %d tenants x %d products; client pools of %d; %d threads;"
          + " %s per measure, %d rounds alternating%ndirect: %s%npooler: %s (%s)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), tenants,
          PRODUCTS_PER_TENANT, pool, threads, duration, rounds, directUrl, throughPooler,
          bouncer != null ? bouncer.description() : "given by --pooler-url");
      Map<String, PersistenceSettings> systems = new LinkedHashMap<>();
      systems.put("direct", PersistenceSettings.forJdbcUrl(directUrl).withMaximumPoolSize(pool));
      systems.put("pooler", PersistenceSettings.forJdbcUrl(throughPooler).withMaximumPoolSize(pool)
          .withPooler(Pooler.TRANSACTION));
      List<Side> sides = new ArrayList<>();
      try {
        for (Map.Entry<String, PersistenceSettings> system : systems.entrySet()) {
          sides.add(new Side(system.getKey(), system.getValue(), threads));
        }
        List<List<ProductId>> ids = seed(sides.get(0), tenants);
        PoolerMeasures measures = new PoolerMeasures();
        for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT up and is not recorded
          List<Side> order = new ArrayList<>(sides);
          if (round % 2 == 1) {
            java.util.Collections.reverse(order);
          }
          for (Side side : order) {
            double raw = rawLookups(side.raw, ids, threads, round == 0 ? Duration.ofSeconds(3) : duration);
            double lookups = lookups(side.products, ids, threads, round == 0 ? Duration.ofSeconds(3) : duration);
            double requests = side.http.load(ids, threads, round == 0 ? Duration.ofSeconds(3) : duration);
            double jobRate = CrosslistRound.throughput(side.engine, directUrl, round == 0 ? jobs / 5 : jobs,
                threads, tenants, 4, 8, Duration.ofMillis(20)).jobsPerSecond();
            if (round > 0) {
              measures.add(side.name, raw, lookups, requests, jobRate);
              System.out.printf(Locale.ROOT, "round %d %-6s: raw JDBC %,9.0f/s  lookups %,9.0f/s  http GET %,7.0f req/s"
                  + "  jobs %,7.0f/s%n", round, side.name, raw, lookups, requests, jobRate);
            }
          }
        }
        measures.print();
      } finally {
        for (Side side : sides) {
          side.close();
        }
      }
    }
  }

  /** One system: its persistence module, its HTTP API and its jobs engine. */
  private static final class Side implements AutoCloseable {
    final String name;
    final PersistenceModule module;
    final ProductRepository products;
    final NoOpEngine engine;
    final HttpLoad http;
    final Injector injector;
    /** Plain JDBC on a HikariCP pool of the same size and URL: what the hop costs without Crosslist. */
    final com.zaxxer.hikari.HikariDataSource raw;

    Side(String name, PersistenceSettings settings, int threads) throws Exception {
      this.name = name;
      com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
      config.setJdbcUrl(settings.jdbcUrl());
      config.setMaximumPoolSize(settings.maximumPoolSize());
      this.raw = new com.zaxxer.hikari.HikariDataSource(config);
      this.module = new PersistenceModule(settings);
      this.injector = Guice.createInjector(module);
      this.products = injector.getInstance(ProductRepository.class);
      this.engine = new NoOpEngine(injector);
      this.http = new HttpLoad(new CrosslistHttpApi(HttpSettings.of(0, HttpBenchmark.SECRET),
          HttpBenchmark.ports(injector), new CrosslistHttpApi.Operations(injector.getInstance(Readiness.class),
          new SimpleMeterRegistry(), null)), threads);
    }

    @Override
    public void close() {
      http.close();
      raw.close();
      module.close();
    }
  }

  /** Products in every tenant, through the direct side: {@code ids.get(t - 1)} are tenant t's. */
  private static List<List<ProductId>> seed(Side side, int tenants) {
    List<List<ProductId>> ids = new ArrayList<>();
    TenantProvisioning provisioning = side.injector.getInstance(TenantProvisioning.class);
    for (long t = 1; t <= tenants; t++) {
      TenantId tenant = TenantId.of(t);
      provisioning.provision(tenant);
      // a first page of 20 (PRODUCTS_PER_TENANT) is all the products a rerun finds
      List<ProductId> tenantIds = new ArrayList<>(side.products.search(tenant,
          io.crosslist.domain.product.ProductSearch.firstPage()).items().stream().map(Product::id).toList());
      while (tenantIds.size() < PRODUCTS_PER_TENANT) {
        tenantIds.add(side.products.add(tenant, Product.newDraft(new ProductDetails("Nike Air Max 90", "worn twice",
            Money.of("89.00", "EUR"), "nike", "womens-shoes", "very-good", null, null, 1, List.of()), Instant.now()))
            .id());
      }
      ids.add(tenantIds);
    }
    return ids;
  }

  /** Lookups by id through the adapter from {@code threads} threads, tenants at random: lookups per second. */
  private static double lookups(ProductRepository products, List<List<ProductId>> ids, int threads, Duration duration)
      throws InterruptedException {
    return Load.run(threads, duration, () -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int t = random.nextInt(ids.size());
      List<ProductId> tenantIds = ids.get(t);
      if (products.findById(TenantId.of(t + 1), tenantIds.get(random.nextInt(tenantIds.size()))).isEmpty()) {
        throw new IllegalStateException("a seeded product is missing");
      }
    });
  }

  /** The same lookup in plain JDBC: the qualified statement, autocommit, on a pool of the same size. */
  private static double rawLookups(javax.sql.DataSource pool, List<List<ProductId>> ids, int threads,
      Duration duration) throws InterruptedException {
    return Load.run(threads, duration, () -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int t = random.nextInt(ids.size());
      List<ProductId> tenantIds = ids.get(t);
      try (Connection c = pool.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
          io.crosslist.adapter.persistence.TenantSqlRenderer.render(TenantLookupBenchmark.QUALIFIED, TenantId.of(t + 1)))) {
        ps.setLong(1, tenantIds.get(random.nextInt(tenantIds.size())).value());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("a seeded product is missing");
          }
        }
      }
    });
  }

  private static void createDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(BenchmarkDatabase.serverUrl()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
      if (!rs.next()) {
        s.execute("create database " + DATABASE);
      }
    }
  }
}
