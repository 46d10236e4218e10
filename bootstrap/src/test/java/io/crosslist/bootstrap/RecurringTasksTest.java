package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.crosslist.adapter.marketplace.SimulatedOAuthGateway;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.adapter.scheduler.RecurringScheduler;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase.ConnectCommand;
import io.crosslist.application.connection.port.in.ConnectionView;
import io.crosslist.application.connection.port.in.GetConnectionsUseCase;
import io.crosslist.application.connection.port.in.KeepSessionsAliveUseCase;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.application.job.port.in.PurgeFinishedJobsUseCase;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.schedule.JobCleanupTask;
import io.crosslist.application.schedule.OrderPollingTask;
import io.crosslist.application.schedule.RecurringTask;
import io.crosslist.application.schedule.RecurringTaskService;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SessionKeepAliveTask;
import io.crosslist.application.schedule.TokenRefreshAheadTask;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.UnsupportedGateway;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.PollCursorRepository;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.domain.tenant.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The recurring tasks and their scheduler on real PostgreSQL, with the simulated marketplaces. */
class RecurringTasksTest {
  private final Persistence db = Persistence.get();
  private final Injector injector = db.injector.createChildInjector(new CrosslistModule());
  private final TickLedger ledger = db.injector.getInstance(TickLedger.class);

  /** A task that only counts its runs (slowly, so that the two schedulers really overlap). */
  private static RecurringTask counting(String name, AtomicInteger runs) {
    return new RecurringTask() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Duration defaultInterval() {
        return Duration.ofHours(1);
      }

      @Override
      public RunSummary run(io.crosslist.application.schedule.TenantScope scope) {
        runs.incrementAndGet();
        sleep(50);
        return new RunSummary(name, 0, 0, 0, 0, Duration.ofMillis(50), List.of());
      }
    };
  }

  @Test
  void two_scheduler_instances_on_one_database_run_each_tick_once() throws Exception {
    String a = "count-a-" + UUID.randomUUID();
    String b = "count-b-" + UUID.randomUUID();
    AtomicInteger runsA = new AtomicInteger();
    AtomicInteger runsB = new AtomicInteger();
    Map<String, Duration> intervals = Map.of(a, Duration.ofHours(1), b, Duration.ofHours(1));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    List<Future<Integer>> ran = new java.util.ArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    for (String instance : List.of("instance-1", "instance-2")) {
      // each instance has its own task objects and service, as two processes would; only the database is shared
      RunRecurringTaskUseCase service = new RecurringTaskService(ledger, List.of(counting(a, runsA),
          counting(b, runsB)));
      RecurringScheduler scheduler = new RecurringScheduler(new ScheduleSettings(instance, intervals,
          Duration.ofMillis(10), Duration.ofHours(1), Duration.ofSeconds(5)), service, registry);
      ran.add(instances.submit(() -> {
        go.await();
        int count = 0;
        for (int check = 0; check < 5; check++) { // five checks each, as if the interval had passed
          count += scheduler.checkAll().size();
        }
        return count;
      }));
    }
    go.countDown();
    int total = ran.get(0).get() + ran.get(1).get();
    instances.shutdown();
    assertEquals(1, runsA.get());
    assertEquals(1, runsB.get());
    assertEquals(2, total, "each tick reported by the one instance that ran it");
    assertEquals(1, registry.get("crosslist.scheduler.runs").tag("task", a).timer().count(), "the run's metric");
    assertEquals(1, registry.get("crosslist.scheduler.runs").tag("task", b).timer().count());
  }

  @Test
  void a_tenant_whose_gateway_throws_does_not_stop_the_others_and_appears_in_the_summary() {
    OAuthGateway flakyEbay = new OAuthGateway() {
      private final SimulatedOAuthGateway simulated = new SimulatedOAuthGateway(Marketplace.EBAY, Clock.systemUTC());

      @Override
      public Marketplace marketplace() {
        return Marketplace.EBAY;
      }

      @Override
      public OAuthTokens refresh(TenantId account, String externalAccountId, Secret refreshToken) {
        if (externalAccountId.equals("flaky")) {
          throw new MarketplaceException(Marketplace.EBAY, true, "503 from the token endpoint");
        }
        return simulated.refresh(account, externalAccountId, refreshToken);
      }
    };
    Injector wired = db.injector.createChildInjector(CrosslistModule.builder().oauth(flakyEbay).build());
    ConnectMarketplaceUseCase connect = wired.getInstance(ConnectMarketplaceUseCase.class);
    TenantId first = db.newTenant();
    TenantId flaky = db.newTenant();
    TenantId last = db.newTenant();
    Instant soon = Instant.now().plus(Duration.ofMinutes(2));
    for (TenantId tenant : List.of(first, flaky, last)) {
      connect.connect(new ConnectCommand(tenant, Marketplace.EBAY, tenant.equals(flaky) ? "flaky" : "seller", "eBay",
          new OAuthTokens(Secret.of("a", "access"), Secret.of("r", "refresh"), soon, Set.of("s")), null));
    }

    RunSummary summary = new TokenRefreshAheadTask(wired.getInstance(ConnectedTenantIndex.class),
        wired.getInstance(RefreshTokensUseCase.class), Duration.ofMinutes(10), 2).run();

    assertTrue(summary.failedTenants().contains(flaky), summary.toString());
    assertTrue(summary.failed() >= 1);
    GetConnectionsUseCase get = wired.getInstance(GetConnectionsUseCase.class);
    for (TenantId tenant : List.of(first, last)) {
      Instant expiry = get.list(tenant).get(0).tokenExpiresAt();
      assertTrue(expiry.isAfter(soon), tenant + " was refreshed although another tenant failed: " + expiry);
    }
  }

  @Test
  void a_vinted_session_expires_after_three_failed_keep_alives_in_a_row_and_the_error_log_says_why() {
    ConnectMarketplaceUseCase connect = injector.getInstance(ConnectMarketplaceUseCase.class);
    TenantId tenant = db.newTenant();
    TenantId healthy = db.newTenant();
    ConnectionView blocked = connect.connect(new ConnectCommand(tenant, Marketplace.VINTED, "member", "Vinted", null,
        Secret.of("cookies", "_vinted_fr_session=s; datadome=blocked")));
    ConnectionView fine = connect.connect(new ConnectCommand(healthy, Marketplace.VINTED, "member", "Vinted", null,
        Secret.of("cookies", "_vinted_fr_session=s; datadome=ok")));
    SessionKeepAliveTask task = new SessionKeepAliveTask(injector.getInstance(ConnectedTenantIndex.class),
        injector.getInstance(KeepSessionsAliveUseCase.class), 3, 2);
    GetConnectionsUseCase get = injector.getInstance(GetConnectionsUseCase.class);

    task.run();
    task.run();
    assertEquals(ConnectionStatus.CONNECTED, get.get(tenant, blocked.id()).status(), "two failures: still connected");
    assertTrue(db.journal.recentErrors(tenant, 10).isEmpty());
    RunSummary third = task.run();

    assertEquals(ConnectionStatus.EXPIRED, get.get(tenant, blocked.id()).status());
    assertEquals("SESSION_EXPIRED", db.journal.recentErrors(tenant, 10).get(0).errorType());
    assertTrue(third.itemsChanged() >= 2, third.toString()); // the expiry and the healthy session's keep-alive
    assertEquals(ConnectionStatus.CONNECTED, get.get(healthy, fine.id()).status());
    assertTrue(get.get(healthy, fine.id()).lastKeepAliveAt() != null);
    task.run();
    assertEquals(1, db.journal.recentErrors(tenant, 10).size(), "an EXPIRED session is not called again");
  }

  /** Etsy's orders endpoint as a test controls it: orders at or after {@code since}, like the real one. */
  private static final class EtsyOrders extends UnsupportedGateway {
    final List<MarketplaceOrder> orders = new java.util.concurrent.CopyOnWriteArrayList<>();

    EtsyOrders() {
      super(Marketplace.ETSY);
    }

    @Override
    public List<MarketplaceOrder> ordersSince(TenantId account, Instant since) {
      return orders.stream().filter(o -> !o.orderedAt().isBefore(since)).toList();
    }
  }

  @Test
  void etsy_polling_enqueues_one_job_per_order_across_overlapping_and_repeated_runs() throws Exception {
    EtsyOrders etsy = new EtsyOrders();
    Injector wired = db.injector.createChildInjector(CrosslistModule.builder().marketplace(etsy).build());
    TenantId tenant = db.newTenant();
    wired.getInstance(ConnectMarketplaceUseCase.class).connect(new ConnectCommand(tenant, Marketplace.ETSY, "shop",
        "Etsy", new OAuthTokens(Secret.of("a", "access"), Secret.of("r", "refresh"), Instant.now().plus(
            Duration.ofHours(2)), Set.of("s")), null));
    Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    etsy.orders.add(order("r-1", t0));
    etsy.orders.add(order("r-2", t0.plusSeconds(60)));
    OrderPollingTask task = new OrderPollingTask(wired.getInstance(ConnectedTenantIndex.class),
        wired.getInstance(PollOrdersUseCase.class), 4);

    // two runs at once (as after a takeover), then one more with a new order and the old ones still listed
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<RunSummary> first = pool.submit(() -> task.run());
    Future<RunSummary> second = pool.submit(() -> task.run());
    first.get();
    second.get();
    etsy.orders.add(order("r-3", t0.plusSeconds(120)));
    task.run();
    task.run();
    pool.shutdown();

    List<MarketplaceJob> jobs = db.jobs.search(tenant, JobSearch.firstPage().withLimit(50)).items();
    assertEquals(Set.of("order-poll:etsy:r-1", "order-poll:etsy:r-2", "order-poll:etsy:r-3"),
        jobs.stream().map(MarketplaceJob::idempotencyKey).collect(java.util.stream.Collectors.toSet()));
    assertEquals(3, jobs.size(), "one job per order");
    assertTrue(jobs.stream().allMatch(j -> j.action().equals(JobAction.SYNC_ORDERS) && j.marketplace().equals(Marketplace.ETSY)));
    assertEquals(t0.plusSeconds(120), wired.getInstance(PollCursorRepository.class).find(tenant, Marketplace.ETSY)
        .orElseThrow());
  }

  private static MarketplaceOrder order(String id, Instant at) {
    return new MarketplaceOrder(id, "listing-" + id, 1, Money.of("10.00", "EUR"), at.truncatedTo(
        java.time.temporal.ChronoUnit.MICROS));
  }

  @Test
  void job_cleanup_deletes_old_finished_jobs_only_expires_overdue_ones_and_keeps_batch_counts() throws Exception {
    TenantId tenant = db.newTenant();
    BatchJob batch = db.batches.create(tenant, "three", Instant.now());
    MarketplaceJob oldDone = finished(tenant, batch);
    MarketplaceJob recentDone = finished(tenant, batch);
    MarketplaceJob waiting = db.jobs.enqueue(tenant, MarketplaceJob.pending(request().inBatch(batch.id()),
        Instant.now()));
    MarketplaceJob overdue = db.jobs.enqueue(tenant, MarketplaceJob.pending(new JobRequest(Marketplace.EBAY,
        JobAction.SYNC_ORDERS, null, null, 0, 3, null, Instant.now().plusMillis(200), null), Instant.now()));
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update \"user_" + tenant.value() + "\".marketplace_jobs set finished_at = now() - interval '40 days',"
            + " created_at = now() - interval '41 days' where id = ?")) {
      ps.setLong(1, oldDone.id().value());
      assertEquals(1, ps.executeUpdate());
    }
    sleep(300); // the overdue job's expiry passes

    JobExecutionService engine = injector.getInstance(JobExecutionService.class);
    RunSummary summary = new JobCleanupTask(engine, engine, db.directory,
        injector.getInstance(PurgeFinishedJobsUseCase.class), Duration.ofDays(30), 4).run();

    assertTrue(summary.itemsChanged() >= 2, summary.toString());
    assertFalse(db.jobs.findById(tenant, oldDone.id()).isPresent(), "finished 40 days ago: deleted");
    assertEquals(JobStatus.COMPLETED, db.jobs.findById(tenant, recentDone.id()).orElseThrow().status());
    assertEquals(JobStatus.PENDING, db.jobs.findById(tenant, waiting.id()).orElseThrow().status());
    assertEquals(JobStatus.EXPIRED, db.jobs.findById(tenant, overdue.id()).orElseThrow().status());
    assertEquals(2, db.batches.findById(tenant, batch.id()).orElseThrow().counts().completed(),
        "the batch keeps its final counts");
  }

  private static JobRequest request() {
    return JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null);
  }

  private MarketplaceJob finished(TenantId tenant, BatchJob batch) {
    MarketplaceJob job = db.jobs.enqueue(tenant, MarketplaceJob.pending(request().inBatch(batch.id()), Instant.now()));
    MarketplaceJob running = db.start(tenant, job, "cleanup-test");
    return db.jobs.transition(tenant, running, running.complete(null, Instant.now()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
