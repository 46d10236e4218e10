package com.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's extension points through Crosslist's worker on real PostgreSQL: its Etsy gateway (over HTTP, to a stub
 * of Etsy's API on loopback) is called instead of the simulated one, and its handler for a new job type runs with
 * Crosslist's leases and retries.
 */
class ExtensionContractsTest {
  private static final List<String> etsyCalls = new CopyOnWriteArrayList<>();
  private static final AtomicInteger priceAsks = new AtomicInteger();
  private static HttpServer etsy;
  private static HostService host;

  @BeforeAll
  static void start() throws IOException {
    etsy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    etsy.createContext("/listings", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      etsyCalls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
      byte[] answer = ("etsy-" + etsyCalls.size()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(201, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    etsy.start();
    URI api = URI.create("http://127.0.0.1:" + etsy.getAddress().getPort() + "/");
    // the price service fails the first time it is asked: the handler's retryable failure is retried
    host = new HostService(HostDatabase.settings(), api, () -> priceAsks.incrementAndGet() > 1);
  }

  @AfterAll
  static void stop() {
    host.close();
    etsy.stop(0);
  }

  @Test
  void the_hosts_gateway_and_handler_run_through_crosslists_worker() throws Exception {
    TenantId tenant = ProductNotesTest.newTenant(host);
    ProductId product = ProductNotesTest.newProduct(host, tenant);
    EnqueueJobUseCase enqueue = host.injector().getInstance(EnqueueJobUseCase.class);
    MarketplaceJob onEtsy = enqueue.enqueue(tenant, JobRequest.of(Marketplace.ETSY, JobAction.PUBLISH, product));
    MarketplaceJob onVinted = enqueue.enqueue(tenant, JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, product));
    MarketplaceJob reprice = enqueue.enqueue(tenant,
        JobRequest.of(Marketplace.ETSY, NoteRepriceHandler.REPRICE, product));

    ScheduleSettings defaults = CrosslistRuntime.defaultSchedule(host.injector(), "example-1");
    ScheduleSettings noTasks = new ScheduleSettings(defaults.instanceId(), Map.of(), defaults.check(),
        defaults.maxRun(), defaults.shutdownTimeout());
    try (CrosslistRuntime runtime = CrosslistRuntime.start(host.injector(), WorkerSettings.defaults("example-1"),
        noTasks, new SimpleMeterRegistry())) {
      for (MarketplaceJob job : List.of(onEtsy, onVinted, reprice)) {
        assertEquals(JobStatus.COMPLETED, awaitEnd(tenant, job).status(), job.type() + " completed");
      }
    }

    assertEquals(1, etsyCalls.size(), "the Etsy job called the host's gateway once, the Vinted one did not: "
        + etsyCalls);
    assertTrue(etsyCalls.get(0).startsWith("POST /listings account=" + tenant.value()), etsyCalls.get(0));
    MarketplaceJob repriced = awaitEnd(tenant, reprice);
    assertEquals(2, repriced.attempts(), "failed once (retryable), then succeeded");
    assertEquals(List.of("suggested Etsy price 31.50 EUR"),
        host.injector().getInstance(ProductNotes.class).of(tenant, product), "the handler wrote the host's table");
  }

  @Test
  void the_hosts_task_ticks_once_across_two_instances() throws Exception {
    TenantId tenant = ProductNotesTest.newTenant(host);
    try (HostService second = new HostService(HostDatabase.settings(), URI.create("http://127.0.0.1:9/"), () -> true)) {
      List<HostService> instances = List.of(host, second);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
      List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        HostService instance = instances.get(i);
        ScheduleSettings defaults = CrosslistRuntime.defaultSchedule(instance.injector(), "example-" + i);
        assertEquals(java.time.Duration.ofDays(1), defaults.intervals().get("notes-digest"), "its default interval");
        var scheduler = new io.crosslist.adapter.scheduler.RecurringScheduler(new ScheduleSettings("example-" + i,
            Map.of("notes-digest", java.time.Duration.ofDays(1)), java.time.Duration.ofMillis(10),
            defaults.maxRun(), defaults.shutdownTimeout()),
            instance.injector().getInstance(io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase.class),
            new SimpleMeterRegistry());
        runs.add(threads.submit(() -> {
          go.await();
          for (int check = 0; check < 5; check++) {
            scheduler.checkAll();
          }
          return null;
        }));
      }
      go.countDown();
      for (var run : runs) {
        run.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
      threads.shutdown();
      int total = instances.stream().mapToInt(i -> i.injector().getInstance(NotesDigest.class).runsFor(tenant)).sum();
      assertEquals(1, total, "one digest of the tenant, by one of the two instances, in 10 checks");
    }
  }

  private static MarketplaceJob awaitEnd(TenantId tenant, MarketplaceJob job) throws InterruptedException {
    GetJobUseCase jobs = host.injector().getInstance(GetJobUseCase.class);
    long deadline = System.nanoTime() + 60_000_000_000L;
    MarketplaceJob now = jobs.get(tenant, job.id());
    while (!now.status().isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      now = jobs.get(tenant, job.id());
    }
    return now;
  }
}
