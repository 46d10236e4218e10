package io.crosslist.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.HttpSettings;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP benchmark of issue #5 (not a test): {@code wrk} against {@code GET /products/{id}} with a
 * valid token on the real API (Javalin, JWT verification, the MyBatis adapter, PostgreSQL), and the same
 * request against a minimal JDK {@code HttpServer} + JDBC baseline (no authentication, one qualified
 * query, hand-written JSON) in the same run, for the ratio. With {@code --tenants N}, N tenants each get
 * one product and the requests name them in turn (each with its tenant's token). Targets: at least 5,000
 * requests/s and a p99 under 20 ms.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.crosslist.benchmarks.HttpBenchmark [--duration 15s]
 * [--warmup 30s] [--connections 32] [--rounds 2] [--connections-per-tenant 4] [--tenants 1]}; needs {@code wrk}
 * on the PATH ({@code apt-get install wrk}).
 */
public final class HttpBenchmark {
  private static final String DATABASE = "crosslist_http_bench";
  static final String SECRET = "http-benchmark-secret-of-at-least-32-bytes";

  private HttpBenchmark() {}

  public static void main(String[] args) throws Exception {
    String duration = "15s";
    String warmup = "30s";
    int connections = 32;
    int rounds = 2;
    int perTenant = PersistenceSettings.DEFAULT_CONNECTIONS_PER_TENANT;
    int tenants = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--duration" -> duration = args[++i];
        case "--warmup" -> warmup = args[++i];
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--connections-per-tenant" -> perTenant = Integer.parseInt(args[++i]);
        case "--tenants" -> tenants = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: HttpBenchmark [--duration 15s] [--warmup 30s] [--connections 32] [--rounds 2]"
              + " [--connections-per-tenant 4] [--tenants 1]; unknown " + args[i]);
          System.exit(2);
        }
      }
    }
    try (Connection c = DriverManager.getConnection(BenchmarkDatabase.serverUrl()); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("create database " + DATABASE);
        }
      }
    }
    String url = BenchmarkDatabase.jdbcUrlFor(DATABASE);
    int poolSize = 16;
    try (PersistenceModule module = new PersistenceModule(PersistenceSettings.forJdbcUrl(url).withMaximumPoolSize(poolSize)
        .withConnectionsPerTenant(Math.min(perTenant, poolSize)));
        HikariDataSource baselinePool = baselinePool(url, poolSize)) {
      Injector injector = Guice.createInjector(module);
      ProductRepository products = injector.getInstance(ProductRepository.class);
      // one product per tenant; each request names the next (tenant, product) in turn
      List<String[]> apiRequests = new ArrayList<>();
      List<String[]> baselineRequests = new ArrayList<>();
      for (long t = 1; t <= tenants; t++) {
        TenantId tenant = TenantId.of(t);
        injector.getInstance(TenantProvisioning.class).provision(tenant);
        long id = products.add(tenant, Product.newDraft(new ProductDetails("Nike Air Max 90", "worn twice",
            Money.of("89.00", "EUR"), "nike", "womens-shoes", "very-good", null, null, 1, List.of()), Instant.now()))
            .id().value();
        apiRequests.add(new String[] {"Bearer " + token(tenant), "/products/" + id});
        baselineRequests.add(new String[] {"", "/products/" + t + "/" + id});
      }

      CrosslistHttpApi api = new CrosslistHttpApi(HttpSettings.of(0, SECRET), ports(injector),
          new CrosslistHttpApi.Operations(injector.getInstance(Readiness.class), new SimpleMeterRegistry(), null));
      int apiPort = api.start();
      HttpServer baseline = baseline(baselinePool, poolSize);
      Path apiScript = script(apiRequests);
      Path baselineScript = script(baselineRequests);
      String apiUrl = "http://127.0.0.1:" + apiPort;
      String baselineUrl = "http://127.0.0.1:" + baseline.getAddress().getPort();
      System.out.printf("machine: %d cores, %s; wrk -t2 -c%d -d%s; one product in each of %d tenant(s), requested in"
          + " turn; tenant lanes of %d connections in a pool of %d%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.version"), connections, duration, tenants, Math.min(perTenant, poolSize),
          poolSize);
      // Warm-up, not measured: on 2 busy cores the JIT needs tens of seconds to compile the request path
      // (measured: 3.7k req/s after 5 s of load, 7.7k to 9.6k once compiled)
      wrk(apiUrl, apiScript, connections, warmup);
      wrk(baselineUrl, baselineScript, connections, warmup);
      for (int round = 1; round <= rounds; round++) {
        double[] ours = wrk(apiUrl, apiScript, connections, duration);
        double[] theirs = wrk(baselineUrl, baselineScript, connections, duration);
        System.out.printf(Locale.ROOT, "round %d: crosslist %,.0f req/s p99 %.2f ms; baseline %,.0f req/s p99 %.2f ms;"
                + " ratio %.2f (targets >= 5,000 req/s, p99 < 20 ms)%n", round, ours[0], ours[1], theirs[0], theirs[1],
            ours[0] / theirs[0]);
      }
      api.close();
      baseline.stop(0);
    }
  }

  /** The HTTP API's in-ports as a host wires them: Crosslist's module and the HTTP module over the persistence. */
  static CrosslistHttpApi.Ports ports(Injector injector) {
    return injector.createChildInjector(new io.crosslist.library.CrosslistModule(),
        new io.crosslist.adapter.http.CrosslistHttpModule()).getInstance(CrosslistHttpApi.Ports.class);
  }

  private static HikariDataSource baselinePool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  /** The baseline: one qualified query per request, JSON written by hand, no authentication. */
  private static HttpServer baseline(HikariDataSource pool, int threads) throws Exception {
    // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms stalls
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1_024);
    server.setExecutor(Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "baseline-http");
      thread.setDaemon(true); // the JVM exits when the run is over
      return thread;
    }));
    server.createContext("/products/", exchange -> {
      // /products/{tenant}/{id}: the schema qualifies the statement, as hand-written multi-tenant JDBC would
      String[] parts = exchange.getRequestURI().getPath().split("/");
      TenantId tenant = TenantId.of(Long.parseLong(parts[2]));
      long id = Long.parseLong(parts[3]);
      String json;
      try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
          "select id, title, price_amount, price_currency, status, version from \"" + tenant.schemaName()
              + "\".products where id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          json = "{\"id\":" + rs.getLong(1) + ",\"title\":\"" + rs.getString(2) + "\",\"price\":{\"amount\":\""
              + rs.getBigDecimal(3).toPlainString() + "\",\"currency\":\"" + rs.getString(4) + "\"},\"status\":\""
              + rs.getString(5) + "\",\"version\":" + rs.getLong(6) + "}";
        }
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
        return;
      }
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  /** A wrk script that sends the requests {(Authorization header or "", path)} in turn. */
  private static Path script(List<String[]> requests) throws Exception {
    StringBuilder lua = new StringBuilder("local requests = {\n");
    for (String[] r : requests) {
      lua.append("  {\"").append(r[0]).append("\", \"").append(r[1]).append("\"},\n");
    }
    lua.append("""
        }
        local i = math.random(#requests) - 1
        request = function()
          i = i % #requests + 1
          local r = requests[i]
          if r[1] == "" then return wrk.format("GET", r[2]) end
          return wrk.format("GET", r[2], { ["Authorization"] = r[1] })
        end
        """);
    Path file = Files.createTempFile("crosslist-wrk-", ".lua");
    file.toFile().deleteOnExit();
    Files.writeString(file, lua);
    return file;
  }

  static String token(TenantId tenant) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .subject(String.valueOf(tenant.value())).expirationTime(Date.from(Instant.now().plusSeconds(3_600))).build());
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  /** Runs wrk; returns {requests per second, p99 in ms}. */
  private static double[] wrk(String url, Path script, int connections, String duration) throws Exception {
    Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration, "--latency",
        "-s", script.toString(), url).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
      throw new IllegalStateException("wrk failed or saw errors:\n" + out);
    }
    Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
    Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(out);
    if (!rps.find() || !p99.find()) {
      throw new IllegalStateException("unexpected wrk output:\n" + out);
    }
    double latency = Double.parseDouble(p99.group(1));
    latency = switch (p99.group(2)) {
      case "us" -> latency / 1_000;
      case "s" -> latency * 1_000;
      default -> latency;
    };
    return new double[] {Double.parseDouble(rps.group(1)), latency};
  }
}
