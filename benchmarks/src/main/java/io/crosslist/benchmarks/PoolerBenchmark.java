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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

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
        Measures measures = new Measures();
        for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT up and is not recorded
          List<Side> order = new ArrayList<>(sides);
          if (round % 2 == 1) {
            java.util.Collections.reverse(order);
          }
          for (Side side : order) {
            double raw = rawLookups(side.raw, ids, threads, round == 0 ? Duration.ofSeconds(3) : duration);
            double lookups = lookups(side.products, ids, threads, round == 0 ? Duration.ofSeconds(3) : duration);
            double requests = side.http.load(ids, threads, round == 0 ? Duration.ofSeconds(3) : duration);
            double jobRate = JobsBenchmark.crosslistThroughput(side.engine, directUrl, round == 0 ? jobs / 5 : jobs,
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
    final JobsBenchmark.Engine engine;
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
      this.engine = new JobsBenchmark.Engine(injector);
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

  /** The API on an ephemeral port, and its load: GET /products/{id}, tenants at random, each with its token. */
  private static final class HttpLoad implements AutoCloseable {
    private final CrosslistHttpApi api;
    private final HttpClient client;
    private final int port;
    private final Map<Long, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    HttpLoad(CrosslistHttpApi api, int threads) {
      this.api = api;
      this.port = api.start();
      this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "bench-http-client");
            thread.setDaemon(true); // the JVM exits when the run is over
            return thread;
          })).build();
    }

    double load(List<List<ProductId>> ids, int threads, Duration duration) throws InterruptedException {
      return Load.run(threads, duration, () -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int t = random.nextInt(ids.size());
        List<ProductId> tenantIds = ids.get(t);
        String token = tokens.computeIfAbsent(t + 1L, id -> {
          try {
            return HttpBenchmark.token(TenantId.of(id));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/products/"
            + tenantIds.get(random.nextInt(tenantIds.size())).value())).header("Authorization", "Bearer " + token)
            .GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("GET answered " + response.statusCode() + ": " + new String(response.body()));
        }
      });
    }

    @Override
    public void close() {
      api.close();
    }
  }

  /** {@code threads} threads repeat one operation for {@code duration}: operations per second. */
  private static final class Load {
    interface Operation {
      void run() throws Exception;
    }

    static double run(int threads, Duration duration, Operation operation) throws InterruptedException {
      LongAdder done = new LongAdder();
      AtomicBoolean stop = new AtomicBoolean();
      java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Thread worker = new Thread(() -> {
          while (!stop.get()) {
            try {
              operation.run();
              done.increment();
            } catch (Exception e) {
              failure.compareAndSet(null, e);
              return;
            }
          }
        });
        worker.start();
        workers.add(worker);
      }
      long began = System.nanoTime();
      Thread.sleep(duration.toMillis());
      stop.set(true);
      for (Thread worker : workers) {
        worker.join();
      }
      if (failure.get() != null) {
        throw new IllegalStateException("the load failed: " + failure.get().getMessage(), failure.get());
      }
      return done.sum() / ((System.nanoTime() - began) / 1e9);
    }
  }

  /** Each system's measures over the rounds, and the ratios of the medians. */
  private static final class Measures {
    private final Map<String, List<double[]>> bySystem = new LinkedHashMap<>();

    void add(String system, double raw, double lookups, double requests, double jobs) {
      bySystem.computeIfAbsent(system, s -> new ArrayList<>()).add(new double[] {raw, lookups, requests, jobs});
    }

    void print() {
      String[] names = {"lookup, plain JDBC (context)", "product lookup (adapter)", "HTTP GET /products/{id}",
          "jobs throughput"};
      String[] units = {"lookups/s", "lookups/s", "req/s", "jobs/s"};
      System.out.println("median of the rounds, pooler / direct:");
      for (int m = 0; m < names.length; m++) {
        double direct = median(bySystem.get("direct"), m);
        double pooler = median(bySystem.get("pooler"), m);
        System.out.printf(Locale.ROOT, "  %-29s direct %,9.0f %-9s pooler %,9.0f %-9s ratio %.2f%n", names[m], direct,
            units[m], pooler, units[m], pooler / direct);
      }
    }

    private static double median(List<double[]> rounds, int measure) {
      double[] values = rounds.stream().mapToDouble(r -> r[measure]).sorted().toArray();
      return values.length % 2 == 1 ? values[values.length / 2]
          : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
  }

  private static void createDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(BenchmarkDatabase.serverUrl()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
      if (!rs.next()) {
        s.execute("create database " + DATABASE);
      }
    }
  }

  /** A PgBouncer of the benchmark's own, in transaction mode, {@code pool} server connections per database. */
  private static final class BenchPgBouncer implements AutoCloseable {
    private static final int PORT = 6439;
    private final Path dir;
    private final int pool;

    private BenchPgBouncer(Path dir, int pool) {
      this.dir = dir;
      this.pool = pool;
    }

    static BenchPgBouncer start(String directUrl, int pool) throws Exception {
      URI server = URI.create(directUrl.substring("jdbc:".length()));
      Path dir = Files.createTempDirectory("crosslist-bench-pgbouncer");
      Files.writeString(dir.resolve("pgbouncer.ini"), """
          [databases]
          * = host=%s port=%d

          [pgbouncer]
          listen_addr = 127.0.0.1
          listen_port = %d
          unix_socket_dir =
          auth_type = trust
          auth_file = %s/userlist.txt
          pool_mode = transaction
          default_pool_size = %d
          max_client_conn = 1000
          ignore_startup_parameters = extra_float_digits
          logfile = %s/pgbouncer.log
          pidfile = %s/pgbouncer.pid
          """.formatted(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort(), PORT, dir, pool, dir, dir));
      Files.writeString(dir.resolve("userlist.txt"), "\"postgres\" \"\"\n");
      String command = "pgbouncer -d '" + dir.resolve("pgbouncer.ini") + "'";
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) { // PgBouncer refuses to run as root
        new ProcessBuilder("chown", "-R", "postgres", dir.toString()).inheritIO().start().waitFor();
      }
      Process process = (root ? new ProcessBuilder("su", "postgres", "-s", "/bin/sh", "-c", command)
          : new ProcessBuilder("sh", "-c", command)).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("pgbouncer did not start (is it installed? apt-get install pgbouncer); see "
            + dir.resolve("pgbouncer.log"));
      }
      BenchPgBouncer bouncer = new BenchPgBouncer(dir, pool);
      for (int i = 0; i < 50; i++) {
        try (Connection ignored = DriverManager.getConnection(bouncer.jdbcUrl("postgres"))) {
          return bouncer;
        } catch (java.sql.SQLException e) {
          Thread.sleep(100);
        }
      }
      throw new IllegalStateException("pgbouncer does not answer on port " + PORT + "; see " + dir);
    }

    String jdbcUrl(String database) {
      return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database + "?user=postgres&prepareThreshold=0";
    }

    String description() {
      return "the benchmark's PgBouncer, pool_mode=transaction, default_pool_size=" + pool;
    }

    @Override
    public void close() throws Exception {
      Path pid = dir.resolve("pgbouncer.pid");
      if (Files.exists(pid)) {
        new ProcessBuilder("kill", Files.readString(pid).strip()).inheritIO().start().waitFor();
      }
    }
  }
}
