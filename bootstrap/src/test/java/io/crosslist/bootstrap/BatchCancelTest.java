package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase.EnqueueBatchCommand;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobManagementService;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.RetryPolicy;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a batch while two workers run its jobs, on real PostgreSQL: the cancel takes the locks the workers take,
 * in the same order, so it neither deadlocks nor reports a conflict, whatever the workers are doing.
 */
class BatchCancelTest {
  private static final int JOBS = 400;
  private final Persistence db = Persistence.get();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  /** Handlers that started although their job's cancellation had been requested before the start. */
  private final List<String> startedAfterCancel = Collections.synchronizedList(new ArrayList<>());

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
      String key = key(context.tenant(), context.job());
      runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (context.job().cancelRequested()) {
        startedAfterCancel.add(key);
      }
      for (int step = 0; step < 4; step++) { // work of a few milliseconds that stops when asked
        if (context.cancellation().isCancelled()) {
          return JobOutcome.cancelled();
        }
        sleep(3);
      }
      return JobOutcome.success("{}");
    }
  };

  private final JobHandlers handlers = new JobHandlers(List.of(handler));
  private final JobExecutionService engine = new JobExecutionService(db.queue, db.jobs, db.journal,
      handlers, db.unitOfWork,
      new JobRunSettings(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 0), Duration.ZERO, Duration.ZERO),
      Clock.systemUTC(), new Random(5));
  private final JobEnqueueService enqueue = new JobEnqueueService(db.jobs, db.batches, db.products, db.unitOfWork,
      Clock.systemUTC(), handlers);
  private final JobManagementService manage = new JobManagementService(db.jobs, db.batches, db.unitOfWork,
      Clock.systemUTC());

  @BeforeEach
  void onlyThisTestsJobsAreClaimable() {
    db.clearDispatchIndex();
  }

  private JobWorkerPool worker(String id) {
    // finish groups of up to 8 jobs of the one tenant, stored together while the cancel runs
    WorkerSettings settings = WorkerSettings.defaults(id).withConcurrency(8, 8).withCaps(8, 16, 16)
        .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50),
            Duration.ofSeconds(1), Duration.ofSeconds(5));
    return new JobWorkerPool(settings, JobWorkerPool.Ports.of(engine), new SimpleMeterRegistry());
  }

  @Test
  void cancelling_a_batch_while_workers_run_it_succeeds_stops_it_and_keeps_its_counts_exact() throws Exception {
    try (JobWorkerPool a = worker("cancel-a").start(); JobWorkerPool b = worker("cancel-b").start()) {
      for (int round = 1; round <= 4; round++) {
        TenantId tenant = db.newTenant();
        List<JobRequest> requests = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
          requests.add(JobRequest.of(Marketplace.VINTED, JobAction.SYNC_ORDERS, null));
        }
        BatchJob batch = enqueue.enqueue(new EnqueueBatchCommand(tenant, "publish round " + round, requests));
        awaitCompleted(tenant, batch, 20); // the workers are busy with the batch

        String when = "round " + round;
        BatchJob cancelled = assertDoesNotThrow(() -> manage.cancel(tenant, batch.id()), when);
        assertEquals(JOBS, cancelled.counts().total(), when);

        BatchCounts settled = awaitSettled(tenant, batch);
        assertEquals(JOBS, settled.total(), when);
        assertEquals(countByStatus(tenant, batch), settled, when + ": the counts say what the jobs say");
        assertTrue(settled.cancelled() > 0, when + ": " + settled);
        assertEquals(0, settled.failed(), when + ": " + settled);
        assertEquals(0, settled.expired(), when + ": " + settled);
        for (MarketplaceJob job : jobsOf(tenant, batch)) {
          int ran = runs.getOrDefault(key(tenant, job), new AtomicInteger()).get();
          assertTrue(ran <= job.attempts(), when + ": job " + job.id() + " ran " + ran + " time(s) in "
              + job.attempts() + " attempt(s), now " + job.status());
        }
      }
    }
    assertEquals(List.of(), startedAfterCancel, "no handler starts for a job whose cancellation was requested");
  }

  private void awaitCompleted(TenantId tenant, BatchJob batch, int completed) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (manage.get(tenant, batch.id()).counts().completed() < completed) {
      assertTrue(System.nanoTime() < deadline, "the workers did not start the batch");
      Thread.sleep(5);
    }
  }

  private BatchCounts awaitSettled(TenantId tenant, BatchJob batch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      BatchCounts counts = manage.get(tenant, batch.id()).counts();
      if (counts.pending() + counts.running() == 0) {
        return counts;
      }
      assertTrue(System.nanoTime() < deadline, "the batch did not settle: " + counts);
      Thread.sleep(20);
    }
  }

  private List<MarketplaceJob> jobsOf(TenantId tenant, BatchJob batch) {
    List<MarketplaceJob> jobs = new ArrayList<>();
    PageCursor after = null;
    do {
      Page<MarketplaceJob> page = db.jobs.search(tenant, JobSearch.firstPage().inBatch(batch.id())
          .withLimit(JobSearch.MAX_LIMIT).after(after));
      jobs.addAll(page.items());
      after = page.next();
    } while (after != null);
    return jobs;
  }

  private BatchCounts countByStatus(TenantId tenant, BatchJob batch) {
    Map<JobStatus, Integer> n = new EnumMap<>(JobStatus.class);
    for (MarketplaceJob job : jobsOf(tenant, batch)) {
      n.merge(job.status(), 1, Integer::sum);
    }
    return new BatchCounts(n.getOrDefault(JobStatus.PENDING, 0), n.getOrDefault(JobStatus.RUNNING, 0),
        n.getOrDefault(JobStatus.COMPLETED, 0), n.getOrDefault(JobStatus.FAILED, 0),
        n.getOrDefault(JobStatus.CANCELLED, 0), n.getOrDefault(JobStatus.EXPIRED, 0));
  }

  private static String key(TenantId tenant, MarketplaceJob job) {
    return tenant.value() + "/" + job.id();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
