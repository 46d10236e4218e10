package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.job.port.in.RunJobUseCase.JobRunResult;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobManagementService;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.RetryPolicy;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductFixtures;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's rules on real PostgreSQL: claim, run, progress, cancellation, retries, rescue, expiry,
 * release, and their guarantees under concurrent workers. The threads here stand in for the scheduler
 * adapter's worker pool, which only adds polling and timing around these calls.
 */
class JobEngineTest {
  private static final RetryPolicy FAST_RETRY = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 0);
  private static final ClaimRequest CLAIM = new ClaimRequest(50, 10, 1_000, Duration.ofMinutes(5),
      Marketplace.BUILT_IN);
  private final Persistence db = Persistence.get();
  /** What the handler does, per job; a test sets it before running. */
  private volatile Function<JobHandler.JobContext, JobHandler.JobOutcome> behaviour =
      context -> JobHandler.JobOutcome.success("{\"ok\":true}");
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  private final JobHandler handler = new JobHandler() {
    @Override
    public Marketplace marketplace() {
      return Marketplace.EBAY;
    }

    @Override
    public JobAction action() {
      return JobAction.SYNC_ORDERS;
    }

    @Override
    public JobOutcome handle(JobContext context) {
      runs.computeIfAbsent(key(context.tenant(), context.job().id()), k -> new AtomicInteger()).incrementAndGet();
      return behaviour.apply(context);
    }
  };

  private final JobExecutionService engine = new JobExecutionService(db.queue, db.jobs, db.journal,
      new JobHandlers(List.of(handler)), db.unitOfWork,
      new JobRunSettings(FAST_RETRY, Duration.ZERO, Duration.ZERO), Clock.systemUTC(), new Random(7));
  private final JobManagementService management = new JobManagementService(db.jobs, db.batches, db.unitOfWork,
      Clock.systemUTC());

  @BeforeEach
  void onlyThisTestsJobsAreClaimable() {
    db.clearDispatchIndex();
  }

  private static String key(TenantId tenant, JobId job) {
    return tenant.value() + "/" + job.value();
  }

  private MarketplaceJob enqueue(TenantId tenant, JobRequest request) {
    return db.jobs.enqueue(tenant, MarketplaceJob.pending(request, Instant.now()));
  }

  private static JobRequest syncOrders() {
    return JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null);
  }

  private MarketplaceJob stored(TenantId tenant, MarketplaceJob job) {
    return db.jobs.findById(tenant, job.id()).orElseThrow();
  }

  /** Claims and runs until nothing is claimable for a while (retries wait a few milliseconds). */
  private List<JobRunResult> runUntilIdle(String worker) throws InterruptedException {
    List<JobRunResult> results = new ArrayList<>();
    int idle = 0;
    while (idle < 5) {
      List<ClaimedJob> claimed = engine.claim(worker, CLAIM);
      idle = claimed.isEmpty() ? idle + 1 : 0;
      for (ClaimedJob job : claimed) {
        results.add(engine.run(job));
      }
      if (claimed.isEmpty()) {
        Thread.sleep(20);
      }
    }
    return results;
  }

  @Test
  void a_successful_attempt_completes_the_job_with_its_result_and_counts_it_in_the_statistics() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, syncOrders());
    List<JobRunResult> results = runUntilIdle("w1");

    assertEquals(1, results.size());
    assertEquals(JobStatus.COMPLETED, results.get(0).status());
    MarketplaceJob done = stored(tenant, job);
    assertEquals(JobStatus.COMPLETED, done.status());
    assertEquals("{\"ok\": true}", done.result());
    assertEquals(1, done.attempts());
    List<JobStatistics> stats = db.journal.statistics(tenant, LocalDate.now(ZoneOffset.UTC));
    assertEquals(1, stats.size());
    assertEquals(1, stats.get(0).succeeded());
    assertEquals(0, stats.get(0).failed());
  }

  @Test
  void retryable_failures_back_off_and_the_last_attempt_ends_failed_in_the_error_log() throws Exception {
    TenantId tenant = db.newTenant();
    behaviour = context -> JobHandler.JobOutcome.retryableFailure("eBay answered 503");
    MarketplaceJob job = enqueue(tenant, syncOrders().withMaxAttempts(3));

    ClaimedJob first = engine.claim("w", CLAIM).get(0);
    Instant before = Instant.now();
    assertEquals(JobStatus.PENDING, engine.run(first).status());
    MarketplaceJob waiting = stored(tenant, job);
    assertEquals(1, waiting.attempts());
    assertEquals("eBay answered 503", waiting.lastError());
    assertTrue(!waiting.runAfter().isBefore(before.minusMillis(1)), "the next attempt waits its backoff");

    runUntilIdle("w");
    MarketplaceJob failed = stored(tenant, job);
    assertEquals(JobStatus.FAILED, failed.status());
    assertEquals(3, failed.attempts());
    assertEquals(3, runs.get(key(tenant, job.id())).get(), "exactly max attempts");
    assertTrue(failed.lastError().contains("after 3 attempts"), failed.lastError());
    List<MarketplaceError> log = db.journal.recentErrors(tenant, 10);
    assertEquals(List.of("EXHAUSTED", "RETRYABLE", "RETRYABLE"), log.stream().map(MarketplaceError::errorType).toList());
    assertEquals(1, db.journal.statistics(tenant, LocalDate.now(ZoneOffset.UTC)).get(0).failed());
  }

  @Test
  void backoff_follows_the_retry_policy() throws Exception {
    TenantId tenant = db.newTenant();
    behaviour = context -> JobHandler.JobOutcome.retryableFailure("rate limited");
    JobExecutionService slowRetries = new JobExecutionService(db.queue, db.jobs, db.journal,
        new JobHandlers(List.of(handler)), db.unitOfWork,
        new JobRunSettings(new RetryPolicy(Duration.ofMinutes(10), Duration.ofHours(1), 0), Duration.ZERO,
            Duration.ZERO), Clock.systemUTC(), new Random(1));
    MarketplaceJob job = enqueue(tenant, syncOrders().withMaxAttempts(5));
    Instant before = Instant.now();
    slowRetries.run(slowRetries.claim("w", CLAIM).get(0));
    MarketplaceJob waiting = stored(tenant, job);
    assertTrue(Duration.between(before, waiting.runAfter()).compareTo(Duration.ofMinutes(9)) > 0, "10 minutes later");
    assertTrue(engine.claim("w", CLAIM).isEmpty(), "not claimable before its backoff ends");
  }

  @Test
  void a_permanent_failure_ends_the_job_at_once() throws Exception {
    TenantId tenant = db.newTenant();
    behaviour = context -> JobHandler.JobOutcome.permanentFailure("listing rejected: title too long for Vinted");
    MarketplaceJob job = enqueue(tenant, syncOrders().withMaxAttempts(5));
    runUntilIdle("w");
    assertEquals(JobStatus.FAILED, stored(tenant, job).status());
    assertEquals(1, runs.get(key(tenant, job.id())).get());
    assertEquals("PERMANENT", db.journal.recentErrors(tenant, 1).get(0).errorType());
  }

  @Test
  void a_handler_that_throws_is_a_retryable_failure() throws Exception {
    TenantId tenant = db.newTenant();
    behaviour = context -> {
      throw new IllegalStateException("connection reset");
    };
    MarketplaceJob job = enqueue(tenant, syncOrders().withMaxAttempts(2));
    runUntilIdle("w");
    MarketplaceJob failed = stored(tenant, job);
    assertEquals(JobStatus.FAILED, failed.status());
    assertEquals(2, failed.attempts());
    assertEquals("java.lang.IllegalStateException", db.journal.recentErrors(tenant, 1).get(0).details());
  }

  @Test
  void a_result_that_is_not_json_fails_the_job_instead_of_leaving_it_running() throws Exception {
    TenantId tenant = db.newTenant();
    behaviour = context -> JobHandler.JobOutcome.success("not json");
    MarketplaceJob job = enqueue(tenant, syncOrders());
    runUntilIdle("w");
    MarketplaceJob failed = stored(tenant, job);
    assertEquals(JobStatus.FAILED, failed.status());
    assertTrue(failed.lastError().startsWith("the handler's result could not be stored"), failed.lastError());
  }

  @Test
  void progress_is_stored_while_the_handler_runs() throws Exception {
    TenantId tenant = db.newTenant();
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch seen = new CountDownLatch(1);
    behaviour = context -> {
      context.progress().report(new JobProgress(40, 100, "importing"));
      reported.countDown();
      await(seen);
      context.progress().report(new JobProgress(100, 100, "done"));
      return JobHandler.JobOutcome.success(null);
    };
    MarketplaceJob job = enqueue(tenant, syncOrders());
    ExecutorService worker = Executors.newSingleThreadExecutor();
    Future<JobRunResult> run = worker.submit(() -> engine.run(engine.claim("w", CLAIM).get(0)));
    assertTrue(reported.await(30, TimeUnit.SECONDS));
    MarketplaceJob running = stored(tenant, job);
    assertEquals(JobStatus.RUNNING, running.status());
    assertEquals(new JobProgress(40, 100, "importing"), running.progress(), "visible while the attempt runs");
    seen.countDown();
    assertEquals(JobStatus.COMPLETED, run.get(30, TimeUnit.SECONDS).status());
    assertEquals(new JobProgress(100, 100, "done"), stored(tenant, job).progress());
    worker.shutdown();
  }

  @Test
  void cancelling_a_running_job_is_observed_by_its_handler() throws Exception {
    TenantId tenant = db.newTenant();
    CountDownLatch started = new CountDownLatch(1);
    behaviour = context -> {
      started.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int item = 0;
      while (!context.cancellation().isCancelled()) {
        context.progress().report(new JobProgress(++item, 0, "working")); // progress writes must not lose the request
        if (System.nanoTime() > deadline) {
          return JobHandler.JobOutcome.permanentFailure("never saw the cancellation");
        }
        sleep(5);
      }
      return JobHandler.JobOutcome.cancelled();
    };
    MarketplaceJob job = enqueue(tenant, syncOrders());
    ExecutorService worker = Executors.newSingleThreadExecutor();
    Future<JobRunResult> run = worker.submit(() -> engine.run(engine.claim("w", CLAIM).get(0)));
    assertTrue(started.await(30, TimeUnit.SECONDS));
    sleep(50);
    MarketplaceJob requested = management.cancel(tenant, job.id());
    assertEquals(JobStatus.RUNNING, requested.status());
    assertTrue(requested.cancelRequested());
    assertEquals(JobStatus.CANCELLED, run.get(30, TimeUnit.SECONDS).status());
    assertEquals(JobStatus.CANCELLED, stored(tenant, job).status());
    worker.shutdown();
  }

  @Test
  void a_job_cancelled_after_its_lease_and_before_its_start_never_runs_its_handler() {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, syncOrders());
    List<JobQueue.Lease> leased = engine.lease("w", CLAIM);
    assertEquals(1, leased.size());
    assertTrue(management.cancel(tenant, job.id()).cancelRequested(), "leased: a running attempt, asked to stop");

    JobRunResult result = engine.run(engine.start("w", tenant, leased).get(0));
    assertEquals(JobStatus.CANCELLED, result.status());
    assertEquals(JobStatus.CANCELLED, stored(tenant, job).status());
    assertNull(runs.get(key(tenant, job.id())), "the handler never began");
  }

  @Test
  void a_retryable_failure_after_a_cancellation_request_ends_cancelled_not_retried() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, syncOrders().withMaxAttempts(5));
    behaviour = context -> {
      management.cancel(context.tenant(), context.job().id()); // the user cancels while the attempt fails
      return JobHandler.JobOutcome.retryableFailure("timeout");
    };
    runUntilIdle("w");
    assertEquals(JobStatus.CANCELLED, stored(tenant, job).status());
    assertEquals(1, runs.get(key(tenant, job.id())).get());
  }

  @Test
  void a_worker_killed_mid_job_is_rescued_and_the_job_completes_once() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, syncOrders().withIdempotencyKey("publish-42"));
    Set<String> effects = ConcurrentHashMap.newKeySet();
    AtomicInteger effectCalls = new AtomicInteger();
    behaviour = context -> {
      effectCalls.incrementAndGet();
      effects.add(context.job().idempotencyKey()); // the marketplace keys its effect by the job's key
      return JobHandler.JobOutcome.success(null);
    };

    ClaimedJob dying = engine.claim("dies", CLAIM).get(0); // the worker claims, then is killed: no heartbeat, no run
    expireLease(tenant, job);
    assertEquals(1, engine.rescueAbandoned(100));
    assertEquals(JobStatus.PENDING, stored(tenant, job).status());

    List<JobRunResult> results = runUntilIdle("survivor");
    assertEquals(1, results.size());
    assertEquals(JobStatus.COMPLETED, results.get(0).status());
    MarketplaceJob done = stored(tenant, job);
    assertEquals(JobStatus.COMPLETED, done.status());
    assertEquals(2, done.attempts());

    JobRunResult late = engine.run(dying); // the "killed" worker comes back and finishes its stale attempt
    assertTrue(late.lost(), "its outcome is dropped");
    assertEquals(JobStatus.COMPLETED, stored(tenant, job).status());
    assertEquals(Set.of("publish-42"), effects, "one effect, keyed by the idempotency key");
    assertEquals(1, db.journal.statistics(tenant, LocalDate.now(ZoneOffset.UTC)).get(0).succeeded(),
        "counted once");
  }

  @Test
  void a_job_that_kills_its_worker_at_every_attempt_uses_up_its_attempts_and_ends_failed_in_the_error_log()
      throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, syncOrders().withMaxAttempts(2));
    for (int attempt = 1; attempt <= 2; attempt++) {
      ClaimedJob claimed = engine.claim("dies-" + attempt, CLAIM).get(0); // claimed, then the worker is gone
      assertEquals(attempt, claimed.job().attempts());
      expireLease(tenant, job);
      assertEquals(1, engine.rescueAbandoned(100));
    }
    MarketplaceJob failed = stored(tenant, job);
    assertEquals(JobStatus.FAILED, failed.status());
    assertEquals(2, failed.attempts());
    assertTrue(failed.lastError().contains("stopped renewing its lease"), failed.lastError());
    assertTrue(engine.claim("next", CLAIM).isEmpty(), "not claimable again");
    List<MarketplaceError> logged = db.journal.recentErrors(tenant, 10);
    assertEquals(1, logged.size());
    assertEquals("EXHAUSTED", logged.get(0).errorType());
    assertEquals(1, db.journal.statistics(tenant, LocalDate.now(ZoneOffset.UTC)).get(0).failed());
  }

  @Test
  void heartbeats_keep_a_live_workers_lease_from_being_rescued() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, syncOrders());
    engine.claim("alive", new ClaimRequest(10, 10, 10, Duration.ofSeconds(1), Marketplace.BUILT_IN));
    expireLease(tenant, job);
    assertEquals(1, engine.renewLeases("alive", Duration.ofMinutes(1)));
    assertEquals(0, engine.rescueAbandoned(100));
    assertEquals(JobStatus.RUNNING, stored(tenant, job).status());
    assertEquals(0, engine.renewLeases("someone-else", Duration.ofMinutes(1)));
  }

  @Test
  void a_pending_job_past_its_expiry_time_expires_and_is_never_claimed() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob expiring = enqueue(tenant, syncOrders().expiringAt(Instant.now().plusMillis(300)));
    MarketplaceJob later = enqueue(tenant, syncOrders().runningAfter(Instant.now().plusSeconds(3600))
        .expiringAt(Instant.now().plusSeconds(7200)));
    sleep(400);
    assertTrue(engine.claim("w", CLAIM).isEmpty(), "an overdue job is not started");
    assertEquals(1, engine.expireOverdue(100));
    assertEquals(JobStatus.EXPIRED, stored(tenant, expiring).status());
    assertEquals(JobStatus.PENDING, stored(tenant, later).status());
    assertEquals(0, engine.expireOverdue(100));
  }

  @Test
  void a_worker_shutting_down_releases_its_job_without_using_up_an_attempt() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, syncOrders().withMaxAttempts(1));
    ClaimedJob claimed = engine.claim("stopping", CLAIM).get(0);
    assertTrue(engine.release(claimed));
    MarketplaceJob released = stored(tenant, job);
    assertEquals(JobStatus.PENDING, released.status());
    assertEquals(0, released.attempts());
    assertFalse(engine.release(claimed), "released once");
    assertTrue(engine.run(claimed).lost(), "the handler's late success after the release is dropped");
    assertEquals(JobStatus.PENDING, stored(tenant, job).status());
    assertEquals(JobStatus.COMPLETED, runUntilIdle("next").get(0).status(), "its one attempt is still there");
  }

  @Test
  void no_job_runs_twice_at_the_same_time_under_eight_workers_and_batch_counts_stay_exact() throws Exception {
    List<TenantId> tenants = new ArrayList<>();
    Map<TenantId, BatchJob> batches = new HashMap<>();
    for (int t = 0; t < 8; t++) {
      TenantId tenant = db.newTenant();
      tenants.add(tenant);
      BatchJob batch = db.batches.create(tenant, "bulk publish", Instant.now());
      batches.put(tenant, batch);
      for (int j = 0; j < 50; j++) {
        enqueue(tenant, syncOrders().inBatch(batch.id()).withMaxAttempts(2));
      }
    }
    Set<String> inFlight = ConcurrentHashMap.newKeySet();
    AtomicInteger overlaps = new AtomicInteger();
    Random outcomes = new Random(11);
    behaviour = context -> {
      String key = key(context.tenant(), context.job().id());
      if (!inFlight.add(key)) {
        overlaps.incrementAndGet();
      }
      try {
        sleep(1);
        int roll;
        synchronized (outcomes) {
          roll = outcomes.nextInt(10);
        }
        return roll < 6 ? JobHandler.JobOutcome.success(null)
            : roll < 8 ? JobHandler.JobOutcome.retryableFailure("flaky")
            : JobHandler.JobOutcome.permanentFailure("bad listing");
      } finally {
        inFlight.remove(key);
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<JobRunResult>>> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      String name = "worker-" + w;
      workers.add(pool.submit(() -> runUntilIdle(name)));
    }
    for (Future<List<JobRunResult>> f : workers) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertEquals(0, overlaps.get(), "no job ran in two workers at once");
    for (TenantId tenant : tenants) {
      List<MarketplaceJob> jobs = db.jobs.search(tenant, io.crosslist.domain.job.JobSearch.firstPage()
          .withLimit(100)).items();
      assertEquals(50, jobs.size());
      for (MarketplaceJob job : jobs) {
        assertTrue(job.status() == JobStatus.COMPLETED || job.status() == JobStatus.FAILED, job.toString());
        int ran = runs.get(key(tenant, job.id())).get();
        assertEquals(job.attempts(), ran, "each attempt ran the handler once");
      }
      BatchCounts counts = db.batches.findById(tenant, batches.get(tenant).id()).orElseThrow().counts();
      long completed = jobs.stream().filter(j -> j.status() == JobStatus.COMPLETED).count();
      assertEquals(completed, counts.completed());
      assertEquals(50 - completed, counts.failed());
      assertEquals(0, counts.pending() + counts.running());
    }
  }

  @Test
  void a_handler_for_one_tenant_reads_and_writes_only_that_tenant() throws Exception {
    TenantId a = db.newTenant();
    TenantId b = db.newTenant();
    io.crosslist.domain.product.Product bProduct = db.products.add(b, io.crosslist.domain.product.Product.newDraft(ProductFixtures.detailsTitled("B's jacket"), Instant.now()));
    behaviour = context -> {
      // the handler receives its tenant explicitly; every repository call names it
      db.products.add(context.tenant(), io.crosslist.domain.product.Product.newDraft(
          ProductFixtures.detailsTitled("imported for " + context.tenant()), Instant.now()));
      boolean seesB = db.products.search(context.tenant(), io.crosslist.domain.product.ProductSearch.firstPage())
          .items().stream().anyMatch(p -> p.details().title().equals(bProduct.details().title()));
      return JobHandler.JobOutcome.success("{\"seesOtherTenant\":" + seesB + "}");
    };
    MarketplaceJob job = enqueue(a, syncOrders());
    runUntilIdle("w");
    assertEquals("{\"seesOtherTenant\": false}", stored(a, job).result());
    assertEquals(1, db.products.search(a, io.crosslist.domain.product.ProductSearch.firstPage()).items().size());
    assertEquals(List.of("B's jacket"), db.products.search(b, io.crosslist.domain.product.ProductSearch.firstPage())
        .items().stream().map(p -> p.details().title()).toList());
  }

  @Test
  void a_job_without_a_handler_fails_permanently_with_a_clear_error() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, JobRequest.of(Marketplace.ETSY, JobAction.SYNC_ORDERS, null));
    runUntilIdle("w");
    MarketplaceJob failed = stored(tenant, job);
    assertEquals(JobStatus.FAILED, failed.status());
    assertEquals("no handler is registered for ETSY SYNC_ORDERS", failed.lastError());
    assertNull(runs.get(key(tenant, job.id())));
  }

  private static void expireLease(TenantId tenant, MarketplaceJob job) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update crosslist.job_dispatch set lease_until = now() - interval '1 second' where tenant_id = ? and job_id = ?")) {
      ps.setLong(1, tenant.value());
      ps.setLong(2, job.id().value());
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
