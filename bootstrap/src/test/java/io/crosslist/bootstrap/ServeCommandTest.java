package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code serve} end to end: the real process wiring, a token from {@code token}, real HTTP. */
class ServeCommandTest {
  private static final String SECRET = "serve-test-secret-of-at-least-32-bytes";

  @Test
  void serve_answers_a_token_holder_then_stops_cleanly() throws Exception {
    TenantId tenant = Persistence.get().newTenant();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CompletableFuture<CliRun> serve = CompletableFuture.supplyAsync(() -> run("serve", "--jdbc-url",
        TestDatabase.get().jdbcUrl(), "--http-port", String.valueOf(port), "--jwt-secret", SECRET, "--no-recurring",
        "--stop-after", "PT6S"));
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          break;
        }
      } catch (java.io.IOException e) {
        assertTrue(System.nanoTime() < deadline, "serve did not start: " + (serve.isDone() ? serve.get() : ""));
        Thread.sleep(100);
      }
    }
    CliRun minted = run("token", "--tenant", String.valueOf(tenant.value()), "--jwt-secret", SECRET);
    assertEquals(0, minted.exit(), minted.err());
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/products"))
        .header("Authorization", "Bearer " + minted.out().trim()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Levi's 501\", \"price\": {\"amount\": \"40.00\","
            + " \"currency\": \"EUR\"}, \"category\": \"mens-jeans\", \"condition\": \"good\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    for (String meter : new String[] {"crosslist_db_pool_connections{state=\"active\"}",
        "crosslist_db_pool_connections{state=\"waiting\"}", "http_server_requests_seconds_bucket{",
        "crosslist_jobs_", "crosslist_tenants_behind "}) {
      assertTrue(metrics.contains(meter), meter + " in " + metrics.lines().filter(l -> !l.startsWith("#"))
          .map(l -> l.split("[{ ]")[0]).distinct().toList());
    }

    CliRun stopped = serve.get(60, TimeUnit.SECONDS);
    assertEquals(0, stopped.exit(), stopped.err());
    assertTrue(stopped.out().contains("serving the API on http://127.0.0.1:" + port), stopped.out());
  }

  @Test
  void a_port_in_use_is_one_line_naming_the_option_and_the_port_and_exit_2_with_nothing_started() throws Exception {
    TenantId tenant = Persistence.get().newTenant();
    MarketplaceJob waiting = Persistence.get().jobs.enqueue(tenant, MarketplaceJob.pending(
        JobRequest.of(Marketplace.VINTED, JobAction.SYNC_ORDERS, null), Instant.now()));
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      CliRun result = run("serve", "--jdbc-url", TestDatabase.get().jdbcUrl(), "--http-port", String.valueOf(port),
          "--jwt-secret", SECRET, "--stop-after", "PT5S");
      assertEquals(2, result.exit(), result.out() + result.err());
      List<String> lines = result.err().lines().toList();
      assertEquals(1, lines.size(), result.err());
      assertTrue(lines.get(0).startsWith("error: --http-port") && lines.get(0).contains(":" + port + ": the port is"
          + " in use"), lines.get(0));
      assertEquals("", result.out(), "nothing started");
    }
    MarketplaceJob after = Persistence.get().jobs.findById(tenant, waiting.id()).orElseThrow();
    assertEquals(JobStatus.PENDING, after.status(), "no worker ran");
    assertEquals(0, after.attempts());
  }

  @Test
  void serve_with_no_workers_serves_the_api_and_runs_no_job() throws Exception {
    TenantId tenant = Persistence.get().newTenant();
    MarketplaceJob waiting = Persistence.get().jobs.enqueue(tenant, MarketplaceJob.pending(
        JobRequest.of(Marketplace.VINTED, JobAction.SYNC_ORDERS, null), Instant.now()));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CompletableFuture<CliRun> serve = CompletableFuture.supplyAsync(() -> run("serve", "--jdbc-url",
        TestDatabase.get().jdbcUrl(), "--http-port", String.valueOf(port), "--jwt-secret", SECRET, "--no-recurring",
        "--no-workers", "--stop-after", "PT3S"));
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          break;
        }
      } catch (java.io.IOException e) {
        assertTrue(System.nanoTime() < deadline, "serve did not start: " + (serve.isDone() ? serve.get() : ""));
        Thread.sleep(100);
      }
    }
    CliRun stopped = serve.get(60, TimeUnit.SECONDS);
    assertEquals(0, stopped.exit(), stopped.err());
    assertTrue(stopped.out().contains("no job workers in this process"), stopped.out());
    assertEquals(JobStatus.PENDING, Persistence.get().jobs.findById(tenant, waiting.id()).orElseThrow().status());
  }

  @Test
  void serve_without_a_jwt_secret_names_the_option() {
    CliRun result = run("serve", "--jwt-secret", "short", "--stop-after", "PT0S");
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("--jwt-secret") && result.err().contains("at least 32 bytes"), result.err());
  }
}
