package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.RetryPolicy;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker pool on real PostgreSQL: several pools share one database like workers in several processes. */
class JobWorkerPoolTest {
  private final Persistence db = Persistence.get();
  private volatile Function<JobHandler.JobContext, JobHandler.JobOutcome> behaviour =
      context -> JobHandler.JobOutcome.success(null);
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private final JobHandler handler = new JobHandler() {
    @Override
    public Marketplace marketplace() {
      return Marketplace.VINTED;
    }

    @Override
    public JobAction action() {
      return JobAction.SYNC_ORDERS;
    }

    @Override
    public JobOutcome handle(JobContext context) {
      runs.computeIfAbsent(context.tenant().value() + "/" + context.job().id(), k -> new AtomicInteger())
          .incrementAndGet();
      return behaviour.apply(context);
    }
  };

  private final JobExecutionService engine = new JobExecutionService(db.queue, db.jobs, db.journal,
      new JobHandlers(List.of(handler)), db.unitOfWork,
      new JobRunSettings(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 0), Duration.ZERO, Duration.ZERO),
      Clock.systemUTC(), new Random(3));

  @BeforeEach
  void onlyThisTestsJobsAreClaimable() {
    db.clearDispatchIndex();
  }

  private JobWorkerPool pool(String id, int concurrency, Duration lease, Duration heartbeat, Duration shutdown) {
    WorkerSettings settings = WorkerSettings.defaults(id).withConcurrency(concurrency, concurrency)
        .withTiming(lease, heartbeat, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMillis(100), shutdown);
    return new JobWorkerPool(settings, JobWorkerPool.Ports.of(engine), registry);
  }

  private MarketplaceJob enqueue(TenantId tenant) {
    return db.jobs.enqueue(tenant, MarketplaceJob.pending(
        JobRequest.of(Marketplace.VINTED, JobAction.SYNC_ORDERS, null), Instant.now()));
  }

  private void awaitStatus(TenantId tenant, MarketplaceJob job, JobStatus status) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (db.jobs.findById(tenant, job.id()).orElseThrow().status() != status) {
      assertTrue(System.nanoTime() < deadline, "job " + job.id() + " did not become " + status);
      Thread.sleep(20);
    }
  }

  @Test
  void two_workers_run_every_job_of_many_tenants_exactly_once_and_count_them() throws Exception {
    List<TenantId> tenants = new ArrayList<>();
    List<MarketplaceJob> jobs = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      TenantId tenant = db.newTenant();
      tenants.add(tenant);
      for (int j = 0; j < 20; j++) {
        jobs.add(enqueue(tenant));
      }
    }
    try (JobWorkerPool a = pool("a", 4, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5)).start();
        JobWorkerPool b = pool("b", 4, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5)).start()) {
      for (int i = 0; i < jobs.size(); i++) {
        awaitStatus(tenants.get(i / 20), jobs.get(i), JobStatus.COMPLETED);
      }
    }
    assertEquals(200, runs.size());
    assertTrue(runs.values().stream().allMatch(n -> n.get() == 1), "no job ran twice");
    assertEquals(200.0, registry.get("crosslist.jobs.completed").tag("marketplace", "VINTED").counter().count());
    assertTrue(registry.get("crosslist.jobs.claim.latency").tag("marketplace", "VINTED").timer().count() >= 200);
  }

  /** The engine's ports, with every {@code finish} call's size recorded. */
  private JobWorkerPool.Ports countingFinishes(List<Integer> finishSizes) {
    io.crosslist.application.job.port.in.RunJobUseCase counting = new io.crosslist.application.job.port.in.RunJobUseCase() {
      @Override
      public HandledAttempt attempt(io.crosslist.domain.job.JobQueue.ClaimedJob job) {
        return engine.attempt(job);
      }

      @Override
      public List<JobRunResult> finish(List<HandledAttempt> attempts) {
        finishSizes.add(attempts.size());
        return engine.finish(attempts);
      }
    };
    return new JobWorkerPool.Ports(engine, counting, engine, engine, engine, engine, engine, engine);
  }

  private WorkerSettings groupSettings(String id, Duration finishDelay) {
    return WorkerSettings.defaults(id).withConcurrency(8, 8).withCaps(4, 8, 8)
        .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofSeconds(5))
        .withFinishDelay(finishDelay);
  }

  @Test
  void the_successes_of_a_tenants_jobs_claimed_together_are_stored_together() throws Exception {
    assertEquals(List.of(4), finishSizesOfFourJobsEndingTogether(Duration.ofSeconds(1)),
        "one store for the four successes");
    assertEquals(4.0, registry.get("crosslist.jobs.completed").tag("marketplace", "VINTED").counter().count());
    assertEquals(List.of(1, 1, 1, 1), finishSizesOfFourJobsEndingTogether(Duration.ZERO),
        "with finishDelay 0 each success is stored on its own");
  }

  /** Runs four jobs of a new tenant whose handlers end together, as no-op handlers do; returns the finish calls' sizes. */
  private List<Integer> finishSizesOfFourJobsEndingTogether(Duration finishDelay) throws Exception {
    TenantId tenant = db.newTenant();
    List<MarketplaceJob> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      jobs.add(enqueue(tenant));
    }
    CountDownLatch allRunning = new CountDownLatch(4);
    behaviour = context -> {
      allRunning.countDown();
      await(allRunning);
      return JobHandler.JobOutcome.success(null);
    };
    List<Integer> finishSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (JobWorkerPool pool = new JobWorkerPool(groupSettings("group-" + finishDelay.toMillis(), finishDelay),
        countingFinishes(finishSizes), registry).start()) {
      for (MarketplaceJob job : jobs) {
        awaitStatus(tenant, job, JobStatus.COMPLETED);
      }
    }
    return finishSizes;
  }

  @Test
  void a_slow_job_does_not_hold_the_success_of_a_job_claimed_with_it_beyond_the_finish_delay() throws Exception {
    TenantId tenant = db.newTenant();
    CountDownLatch release = new CountDownLatch(1);
    FastAndSlow jobs = fastAndSlow(tenant, () -> await(release), () -> { });
    MarketplaceJob fast = jobs.fast();
    MarketplaceJob slow = jobs.slow();
    List<Integer> finishSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (JobWorkerPool pool = new JobWorkerPool(groupSettings("slow", Duration.ofMillis(200)),
        countingFinishes(finishSizes), registry).start()) {
      awaitStatus(tenant, fast, JobStatus.COMPLETED);
      assertEquals(JobStatus.RUNNING, db.jobs.findById(tenant, slow.id()).orElseThrow().status());
      release.countDown();
      awaitStatus(tenant, slow, JobStatus.COMPLETED);
    }
    assertEquals(List.of(1, 1), finishSizes, "the fast success was stored when the delay ran out");
  }

  @Test
  void shutdown_stores_held_successes_instead_of_giving_their_jobs_back() throws Exception {
    TenantId tenant = db.newTenant();
    CountDownLatch fastDone = new CountDownLatch(1);
    // the slow handler sleeps until the shutdown interrupts it
    FastAndSlow jobs = fastAndSlow(tenant, () -> sleep(60_000), fastDone::countDown);
    MarketplaceJob fast = jobs.fast();
    MarketplaceJob slow = jobs.slow();
    JobWorkerPool pool = new JobWorkerPool(groupSettings("holder", Duration.ofSeconds(1))
        .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(300)), JobWorkerPool.Ports.of(engine), registry).start();
    assertTrue(fastDone.await(30, TimeUnit.SECONDS));
    Thread.sleep(50); // the fast success is now held for its group (the delay is 1 s)
    JobWorkerPool.ShutdownReport report = pool.shutdown();
    assertEquals(JobStatus.COMPLETED, db.jobs.findById(tenant, fast.id()).orElseThrow().status(), "stored, not given back");
    assertEquals(JobStatus.PENDING, db.jobs.findById(tenant, slow.id()).orElseThrow().status(), "given back");
    assertEquals(1, report.released());
  }

  private record FastAndSlow(MarketplaceJob fast, MarketplaceJob slow) {}

  /** Two jobs of {@code tenant}, claimed together; both succeed, the slow one after {@code slowly}, the fast one after {@code quickly}. */
  private FastAndSlow fastAndSlow(TenantId tenant, Runnable slowly, Runnable quickly) {
    MarketplaceJob fast = enqueue(tenant);
    MarketplaceJob slow = enqueue(tenant);
    behaviour = context -> {
      (context.job().id().equals(slow.id()) ? slowly : quickly).run();
      return JobHandler.JobOutcome.success(null);
    };
    return new FastAndSlow(fast, slow);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void heartbeats_keep_a_handler_that_outlives_its_lease_from_being_rescued() throws Exception {
    TenantId tenant = db.newTenant();
    behaviour = context -> {
      sleep(3_000); // three times the lease
      return JobHandler.JobOutcome.success(null);
    };
    MarketplaceJob job = enqueue(tenant);
    try (JobWorkerPool worker = pool("long", 1, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(10))
        .start();
        JobWorkerPool rescuer = pool("rescuer", 1, Duration.ofSeconds(1), Duration.ofMillis(200),
            Duration.ofSeconds(1)).start()) {
      awaitStatus(tenant, job, JobStatus.COMPLETED);
    }
    MarketplaceJob done = db.jobs.findById(tenant, job.id()).orElseThrow();
    assertEquals(1, done.attempts(), "never rescued while its worker was alive");
    assertEquals(1, runs.get(tenant.value() + "/" + job.id()).get());
  }

  @Test
  void shutdown_waits_for_running_handlers_then_releases_the_ones_that_do_not_finish() throws Exception {
    TenantId tenant = db.newTenant();
    CountDownLatch started = new CountDownLatch(2);
    AtomicBoolean interrupted = new AtomicBoolean();
    behaviour = context -> {
      started.countDown();
      if (context.job().priority() > 0) {
        sleep(500); // finishes within the shutdown timeout
        return JobHandler.JobOutcome.success(null);
      }
      try {
        Thread.sleep(60_000); // does not
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
      return JobHandler.JobOutcome.success(null);
    };
    MarketplaceJob quick = db.jobs.enqueue(tenant, MarketplaceJob.pending(
        JobRequest.of(Marketplace.VINTED, JobAction.SYNC_ORDERS, null).withPriority(5), Instant.now()));
    MarketplaceJob slow = enqueue(tenant);
    JobWorkerPool worker = pool("stopping", 2, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2))
        .start();
    assertTrue(started.await(30, TimeUnit.SECONDS));
    JobWorkerPool.ShutdownReport report = worker.shutdown();

    assertEquals(new JobWorkerPool.ShutdownReport(1, 1), report);
    assertEquals(JobStatus.COMPLETED, db.jobs.findById(tenant, quick.id()).orElseThrow().status());
    MarketplaceJob released = db.jobs.findById(tenant, slow.id()).orElseThrow();
    assertEquals(JobStatus.PENDING, released.status(), "given back to run again");
    assertEquals(0, released.attempts(), "the interrupted attempt does not count");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!interrupted.get() && System.nanoTime() < deadline) {
      Thread.sleep(10); // the interrupt reaches the handler's thread asynchronously
    }
    assertTrue(interrupted.get(), "the handler was interrupted");
    assertEquals(report, worker.shutdown(), "idempotent");
  }

  /** The worker's entries in the dispatch index that are still leased to it. */
  private static int leasesHeldBy(String worker) {
    try (java.sql.Connection c = io.crosslist.adapter.persistence.TestDatabase.get().connect();
        java.sql.PreparedStatement ps = c.prepareStatement(
            "select count(*) from crosslist.job_dispatch where lease_owner = ?")) {
      ps.setString(1, worker);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_clean_stop_leaves_no_lease_behind_and_says_once_which_handlers_outlived_the_timeout() throws Exception {
    TenantId tenant = db.newTenant();
    CountDownLatch started = new CountDownLatch(3);
    behaviour = context -> {
      started.countDown();
      if (context.job().priority() > 0) {
        sleep(300); // ends during the shutdown's wait: stored, and its entry must not stay leased
        return JobHandler.JobOutcome.success(null);
      }
      try {
        Thread.sleep(60_000); // outlives the shutdown timeout
        return JobHandler.JobOutcome.success(null);
      } catch (InterruptedException e) {
        // as a marketplace client does: the flag stays set while the outcome is stored
        Thread.currentThread().interrupt();
        return JobHandler.JobOutcome.retryableFailure("interrupted");
      }
    };
    List<MarketplaceJob> quick = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      quick.add(db.jobs.enqueue(tenant, MarketplaceJob.pending(
          JobRequest.of(Marketplace.VINTED, JobAction.SYNC_ORDERS, null).withPriority(5), Instant.now())));
    }
    MarketplaceJob slow = enqueue(tenant);
    List<ch.qos.logback.classic.spi.ILoggingEvent> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.AppenderBase<>() {
          @Override
          protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
            log.add(event);
          }
        };
    ch.qos.logback.classic.Logger crosslist = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        "io.crosslist");
    appender.start();
    crosslist.addAppender(appender);
    JobWorkerPool.ShutdownReport report;
    try {
      WorkerSettings settings = WorkerSettings.defaults("clean-stop").withConcurrency(3, 3).withCaps(3, 8, 8)
          .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50),
              Duration.ofSeconds(5), Duration.ofSeconds(1));
      JobWorkerPool worker = new JobWorkerPool(settings, JobWorkerPool.Ports.of(engine), registry).start();
      assertTrue(started.await(30, TimeUnit.SECONDS));
      report = worker.shutdown();
    } finally {
      crosslist.detachAppender(appender);
    }

    assertEquals(new JobWorkerPool.ShutdownReport(2, 1), report);
    assertEquals(0, leasesHeldBy("clean-stop"), "every entry of a finished job removed, every other given back");
    for (MarketplaceJob job : quick) {
      assertEquals(JobStatus.COMPLETED, db.jobs.findById(tenant, job.id()).orElseThrow().status());
    }
    MarketplaceJob given = db.jobs.findById(tenant, slow.id()).orElseThrow();
    assertEquals(JobStatus.PENDING, given.status());
    assertEquals(0, given.attempts(), "the interrupted attempt does not count");
    List<String> problems = log.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR) || e.getThrowableProxy() != null
            || e.getFormattedMessage().contains("could not be finished"))
        .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    assertEquals(List.of(), problems, "no errors or stack traces for a job already given back");
    List<String> outlived = log.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("outlived the shutdown timeout")).toList();
    assertEquals(1, outlived.size(), "said once: " + outlived);
    assertTrue(outlived.get(0).contains("job " + slow.id() + " of " + tenant), outlived.get(0));
  }

  @Test
  void a_lease_a_killed_worker_left_on_a_completed_job_does_not_hold_the_tenants_next_job_back() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob done = enqueue(tenant);
    try (io.crosslist.adapter.persistence.PersistenceModule killed = new io.crosslist.adapter.persistence
        .PersistenceModule(io.crosslist.adapter.persistence.TestDatabase.get().settings().withMaximumPoolSize(2))) {
      io.crosslist.domain.job.JobQueue queue = com.google.inject.Guice.createInjector(killed)
          .getInstance(io.crosslist.domain.job.JobQueue.class);
      io.crosslist.domain.job.JobQueue.ClaimedJob claimed = queue.claim("killed",
          new io.crosslist.domain.job.JobQueue.ClaimRequest(10, 10, 10, Duration.ofMinutes(5), Marketplace.BUILT_IN)).get(0);
      assertTrue(queue.complete(tenant, claimed.job().complete(null, Instant.now()), Duration.ZERO));
    } // killed between storing the success and removing the entry: COMPLETED, its entry leased for five minutes
    assertEquals(1, leasesHeldBy("killed"));
    MarketplaceJob next = enqueue(tenant);

    WorkerSettings oneAtATime = WorkerSettings.defaults("after-kill").withConcurrency(2, 2).withCaps(1, 1, 1)
        .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50),
            Duration.ofSeconds(1), Duration.ofSeconds(5));
    try (JobWorkerPool worker = new JobWorkerPool(oneAtATime, JobWorkerPool.Ports.of(engine), registry).start()) {
      awaitStatus(tenant, next, JobStatus.COMPLETED); // within the cap of one running job, long before five minutes
    }
    assertEquals(0, leasesHeldBy("killed"), "removed by a maintenance tick, not by the lease's expiry");
    assertEquals(JobStatus.COMPLETED, db.jobs.findById(tenant, done.id()).orElseThrow().status());
    assertEquals(1, runs.get(tenant.value() + "/" + next.id()).get());
    assertEquals(null, runs.get(tenant.value() + "/" + done.id()), "the completed job did not run again");
  }

  @Test
  void jobs_claimed_ahead_of_a_free_handler_are_given_back_unrun_at_shutdown() throws Exception {
    TenantId tenant = db.newTenant();
    behaviour = context -> {
      sleep(60_000); // holds the only handler until shutdown interrupts it
      return JobHandler.JobOutcome.success(null);
    };
    List<MarketplaceJob> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      jobs.add(enqueue(tenant));
    }
    WorkerSettings settings = WorkerSettings.defaults("ahead").withConcurrency(1, 3).withCaps(3, 8, 8)
        .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(500));
    JobWorkerPool worker = new JobWorkerPool(settings, JobWorkerPool.Ports.of(engine), registry).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (worker.running() < 4 || runs.isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "the worker holds " + worker.running() + " jobs, wanted 1 + 3 ahead");
      Thread.sleep(10);
    }
    assertEquals(new JobWorkerPool.ShutdownReport(0, 4), worker.shutdown());
    assertEquals(1, runs.values().stream().mapToInt(AtomicInteger::get).sum(), "only one handler ever started");
    for (MarketplaceJob job : jobs) {
      MarketplaceJob stored = db.jobs.findById(tenant, job.id()).orElseThrow();
      assertEquals(JobStatus.PENDING, stored.status(), "job " + job.id() + " given back");
      assertEquals(0, stored.attempts(), "job " + job.id() + " lost no attempt");
    }
  }

  @Test
  void bad_settings_are_refused_with_the_field_and_the_rule() {
    io.crosslist.domain.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.crosslist.domain.ValidationException.class, () -> WorkerSettings.defaults("w")
            .withTiming(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(5), Duration.ofMillis(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("heartbeat: must be at least 1ms and at most a third of lease"), e.getMessage());
    assertTrue(e.getMessage().contains("pollMax: must be at least pollMin"), e.getMessage());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
