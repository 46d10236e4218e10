package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.job.port.in.EnqueueBatchUseCase.EnqueueBatchCommand;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobManagementService;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.BatchStatus;
import io.crosslist.domain.job.IllegalJobTransitionException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.Page;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs, batches and the dispatch index on real PostgreSQL, through the use cases and the repository. */
class JobStoreTest {
  private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
  private final Persistence db = Persistence.get();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final JobEnqueueService enqueue = new JobEnqueueService(db.jobs, db.batches, db.products, db.unitOfWork, clock,
      handlersForEveryPair());
  private final JobManagementService manage = new JobManagementService(db.jobs, db.batches, db.unitOfWork, clock);
  private TenantId tenant;
  private ProductId product;

  @BeforeEach
  void tenantWithAProduct() {
    tenant = db.newTenant();
    product = db.products.add(tenant, Product.newDraft(defaultDetails(), NOW)).id();
  }

  private JobRequest publish() {
    return JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, product);
  }

  /** Null when the job is not in the dispatch index, else whether it is leased. */
  private static Boolean dispatchEntry(TenantId t, MarketplaceJob job) {
    try (java.sql.Connection c = TestDatabase.get().connect(); java.sql.PreparedStatement ps = c.prepareStatement(
        "select lease_owner is not null from crosslist.job_dispatch where tenant_id = ? and job_id = ?")) {
      ps.setLong(1, t.value());
      ps.setLong(2, job.id().value());
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBoolean(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void an_enqueued_job_is_stored_pending_and_claimable_in_one_transaction() {
    MarketplaceJob job = enqueue.enqueue(tenant, publish());
    assertEquals(JobStatus.PENDING, job.status());
    assertEquals(job, manage.get(tenant, job.id()));
    assertEquals(Boolean.FALSE, dispatchEntry(tenant, job), "waiting in the dispatch index, not leased");

    assertThrows(IllegalStateException.class, () -> db.unitOfWork.inTransaction(tenant, () -> {
      enqueue.enqueue(tenant, publish().withIdempotencyKey("rolled-back"));
      throw new IllegalStateException("caller failed after enqueuing");
    }));
    assertTrue(manage.list(tenant, JobSearch.firstPage()).items().stream()
        .noneMatch(j -> "rolled-back".equals(j.idempotencyKey())), "the job rolled back with its caller");
  }

  @Test
  void a_job_for_a_missing_product_is_refused_and_nothing_is_written() {
    assertThrows(ProductNotFoundException.class,
        () -> enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.UPDATE, ProductId.of(999))));
    assertTrue(manage.list(tenant, JobSearch.firstPage()).items().isEmpty());
  }

  @Test
  void enqueuing_one_idempotency_key_from_eight_threads_stores_one_job() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<MarketplaceJob>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(() -> enqueue.enqueue(tenant, publish().withIdempotencyKey("publish-" + product + "-vinted")));
    }
    Set<Object> ids = new HashSet<>();
    for (Future<MarketplaceJob> f : pool.invokeAll(calls)) {
      ids.add(f.get(1, TimeUnit.MINUTES).id());
    }
    pool.shutdown();
    assertEquals(1, ids.size(), "every caller got the same job");
    assertEquals(1, manage.list(tenant, JobSearch.firstPage()).items().size());
  }

  @Test
  void cancelling_ends_a_pending_job_and_takes_it_out_of_the_dispatch_index() {
    MarketplaceJob job = enqueue.enqueue(tenant, publish());
    MarketplaceJob cancelled = manage.cancel(tenant, job.id());
    assertEquals(JobStatus.CANCELLED, cancelled.status());
    assertNull(dispatchEntry(tenant, job));
    assertThrows(IllegalJobTransitionException.class, () -> manage.cancel(tenant, job.id()));
  }

  @Test
  void a_job_read_for_update_is_not_leased_meanwhile_so_a_cancellation_applies_to_it_as_read() throws Exception {
    MarketplaceJob job = enqueue.enqueue(tenant, publish());
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      MarketplaceJob cancelled = db.unitOfWork.inTransaction(tenant, () -> {
        MarketplaceJob read = db.jobs.findForUpdate(tenant, job.id()).orElseThrow();
        // a worker claims between the read and the write: before, it leased the job and the write found it moved on
        List<io.crosslist.domain.job.JobQueue.Lease> leased = await(worker.submit(() -> db.queue.lease("claimer",
            new io.crosslist.domain.job.JobQueue.ClaimRequest(1_000, 1_000, 1_000,
                java.time.Duration.ofMinutes(5), Marketplace.BUILT_IN))));
        assertTrue(leased.stream().noneMatch(l -> l.tenant().equals(tenant)), "not leased while held: " + leased);
        return db.jobs.transition(tenant, read, read.requestCancellation(NOW.plusSeconds(1)));
      });
      assertEquals(JobStatus.CANCELLED, cancelled.status());
      assertNull(dispatchEntry(tenant, job), "never started, and out of the dispatch index");
    } finally {
      worker.shutdown();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_transition_from_a_stale_read_writes_nothing() {
    MarketplaceJob job = enqueue.enqueue(tenant, publish());
    MarketplaceJob running = db.start(tenant, job, "w");
    ConcurrentUpdateException e = assertThrows(ConcurrentUpdateException.class,
        () -> db.jobs.transition(tenant, job, job.requestCancellation(NOW.plusSeconds(2))));
    assertTrue(e.getMessage().contains("expected PENDING after 0 attempts"), e.getMessage());
    assertEquals(running, manage.get(tenant, job.id()));

    MarketplaceJob asked = manage.cancel(tenant, job.id());
    assertEquals(JobStatus.RUNNING, asked.status(), "a running job is asked to stop, not stopped");
    assertTrue(asked.cancelRequested());
  }

  @Test
  void a_job_starts_only_through_a_claim_and_its_row_keeps_the_state_before_the_attempt() throws Exception {
    MarketplaceJob job = enqueue.enqueue(tenant, publish());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> db.jobs.transition(tenant, job, job.start(NOW)));
    assertTrue(e.getMessage().contains("only through a claim"), e.getMessage());
    assertEquals(JobStatus.PENDING, manage.get(tenant, job.id()).status());

    MarketplaceJob running = db.start(tenant, job, "w");
    assertEquals(JobStatus.RUNNING, manage.get(tenant, job.id()).status());
    assertEquals(List.of(running), manage.list(tenant, JobSearch.firstPage().withStatus(JobStatus.RUNNING)).items());
    assertTrue(manage.list(tenant, JobSearch.firstPage().withStatus(JobStatus.PENDING)).items().isEmpty());
    try (java.sql.Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery(TenantSqlRenderer.render(
            "select status, attempts from ${tenant}.marketplace_jobs where id = " + job.id().value(), tenant))) {
      assertTrue(rs.next());
      assertEquals("PENDING", rs.getString(1), "the row is written when the attempt ends");
      assertEquals(0, rs.getInt(2));
    }
  }

  @Test
  void a_failed_job_retried_by_its_user_is_claimable_again() {
    MarketplaceJob job = enqueue.enqueue(tenant, publish());
    MarketplaceJob running = db.start(tenant, job, "w");
    MarketplaceJob failed = db.jobs.transition(tenant, running, running.fail("listing rejected", NOW));
    assertNull(dispatchEntry(tenant, failed));
    MarketplaceJob retried = manage.retry(tenant, job.id());
    assertEquals(JobStatus.PENDING, retried.status());
    assertEquals(0, retried.attempts());
    assertEquals(Boolean.FALSE, dispatchEntry(tenant, retried));
  }

  @Test
  void a_batch_counts_its_jobs_and_cancelling_it_cancels_the_pending_ones() {
    List<JobRequest> requests = new ArrayList<>();
    for (Marketplace m : Marketplace.BUILT_IN) {
      requests.add(JobRequest.of(m, JobAction.PUBLISH, product));
    }
    BatchJob batch = enqueue.enqueue(new EnqueueBatchCommand(tenant, "publish to all", requests));
    assertEquals(BatchCounts.ofPending(3), batch.counts());
    assertEquals(BatchStatus.RUNNING, batch.status());

    MarketplaceJob first = manage.list(tenant, JobSearch.firstPage().inBatch(batch.id())).items().get(0);
    MarketplaceJob running = db.start(tenant, first, "w");
    db.jobs.transition(tenant, running, running.complete("{\"listing\":1}", NOW));

    BatchJob cancelled = manage.cancel(tenant, batch.id());
    assertEquals(new BatchCounts(0, 0, 1, 0, 2, 0), cancelled.counts());
    assertEquals(BatchStatus.PARTIALLY_FAILED, cancelled.status());
    assertEquals("{\"listing\": 1}", manage.get(tenant, first.id()).result(), "result kept as JSON");
  }

  @Test
  void batch_counts_stay_exact_when_its_jobs_move_concurrently() throws Exception {
    List<JobRequest> requests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      requests.add(JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    }
    BatchJob batch = enqueue.enqueue(new EnqueueBatchCommand(tenant, "sync", requests));
    List<MarketplaceJob> jobs = manage.list(tenant, JobSearch.firstPage().inBatch(batch.id()).withLimit(100)).items();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      MarketplaceJob job = jobs.get(i);
      boolean succeed = i % 4 != 0;
      done.add(pool.submit(() -> {
        MarketplaceJob running = db.start(tenant, job, "w");
        return db.jobs.transition(tenant, running,
            succeed ? running.complete(null, NOW) : running.fail("rejected", NOW));
      }));
    }
    for (Future<?> f : done) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertEquals(new BatchCounts(0, 0, 30, 10, 0, 0), manage.get(tenant, batch.id()).counts());
  }

  @Test
  void jobs_page_newest_first_with_filters_and_stay_inside_their_tenant() {
    for (int i = 0; i < 5; i++) {
      enqueue.enqueue(tenant, publish());
    }
    enqueue.enqueue(tenant, JobRequest.of(Marketplace.ETSY, JobAction.SYNC_ORDERS, null));
    Page<MarketplaceJob> first = manage.list(tenant, JobSearch.firstPage().withLimit(4));
    assertEquals(4, first.items().size());
    Page<MarketplaceJob> second = manage.list(tenant, JobSearch.firstPage().withLimit(4).after(first.next()));
    assertEquals(2, second.items().size());
    assertFalse(second.nextCursor().isPresent());
    assertTrue(first.items().get(0).id().value() > second.items().get(0).id().value(), "newest first");
    assertEquals(1, manage.list(tenant, new JobSearch(null, Marketplace.ETSY, null, null, null, 20)).items().size());

    TenantId other = db.newTenant();
    assertTrue(manage.list(other, JobSearch.firstPage()).items().isEmpty(), "another tenant sees none of them");
  }

  /** A handler for every (marketplace, action), so that these tests may enqueue any pair. */
  static io.crosslist.application.job.service.JobHandlers handlersForEveryPair() {
    List<io.crosslist.domain.job.JobHandler> all = new ArrayList<>();
    for (Marketplace marketplace : Marketplace.BUILT_IN) {
      for (JobAction action : JobAction.BUILT_IN) {
        all.add(new io.crosslist.domain.job.JobHandler() {
          @Override
          public Marketplace marketplace() {
            return marketplace;
          }

          @Override
          public JobAction action() {
            return action;
          }

          @Override
          public io.crosslist.domain.job.JobHandler.JobOutcome handle(io.crosslist.domain.job.JobHandler.JobContext context) {
            throw new UnsupportedOperationException("only enqueued in these tests");
          }
        });
      }
    }
    return new io.crosslist.application.job.service.JobHandlers(all);
  }
}
