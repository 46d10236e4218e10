package io.crosslist.adapter.persistence.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;

/**
 * The claim path on real PostgreSQL. Each test works with its own tenants, but the dispatch index is
 * shared by every test of the run, so assertions look only at their own tenants' jobs.
 */
class JobQueueTest {
  private static final Instant NOW = Instant.now();
  private static final ClaimRequest GENEROUS = new ClaimRequest(1_000, 1_000, 1_000, Duration.ofMinutes(5),
      Marketplace.BUILT_IN);
  private final Persistence db = Persistence.get();
  private final JobQueue queue = db.queue;

  private List<MarketplaceJob> enqueue(TenantId tenant, int count) {
    List<MarketplaceJob> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS,
          null), NOW)));
    }
    return jobs;
  }

  /** Claims until a claim returns nothing of {@code tenants}' jobs; returns what it claimed of theirs. */
  private List<ClaimedJob> drain(Set<TenantId> tenants, ClaimRequest request, String worker) {
    List<ClaimedJob> mine = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      List<ClaimedJob> claimed = queue.claim(worker, request).stream().filter(c -> tenants.contains(c.tenant())).toList();
      if (claimed.isEmpty()) {
        return mine;
      }
      mine.addAll(claimed);
    }
    throw new AssertionError("the queue did not drain");
  }

  @Test
  void eight_concurrent_claimers_never_get_the_same_job() throws Exception {
    Set<TenantId> tenants = new HashSet<>();
    for (int t = 0; t < 30; t++) {
      TenantId tenant = db.newTenant();
      tenants.add(tenant);
      enqueue(tenant, 10);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<List<ClaimedJob>>> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      String worker = "worker-" + w;
      workers.add(() -> drain(tenants, new ClaimRequest(16, 2, 1_000, Duration.ofMinutes(5),
          Marketplace.BUILT_IN), worker));
    }
    List<String> claimed = new ArrayList<>();
    for (Future<List<ClaimedJob>> f : pool.invokeAll(workers)) {
      for (ClaimedJob c : f.get(2, TimeUnit.MINUTES)) {
        assertEquals(JobStatus.RUNNING, c.job().status());
        assertEquals(1, c.job().attempts());
        claimed.add(c.tenant().value() + "/" + c.job().id());
      }
    }
    pool.shutdown();
    assertEquals(300, claimed.size(), "every job claimed");
    assertEquals(300, new HashSet<>(claimed).size(), "no job claimed twice");
  }

  @Test
  void a_tenant_with_a_long_queue_does_not_delay_another_tenants_single_job_beyond_one_claim() {
    // Test classes run one after another; clear what earlier tests left waiting in the shared index.
    while (!queue.claim("drain", GENEROUS).isEmpty()) {
      // keep claiming
    }
    TenantId busy = db.newTenant();
    TenantId quiet = db.newTenant();
    enqueue(busy, 200);
    MarketplaceJob single = enqueue(quiet, 1).get(0);

    List<ClaimedJob> claimed = queue.claim("fairness", new ClaimRequest(20, 5, 1_000, Duration.ofMinutes(5),
        Marketplace.BUILT_IN));
    assertTrue(claimed.stream().anyMatch(c -> c.tenant().equals(quiet) && c.job().id().equals(single.id())),
        "the quiet tenant's job is in the first claim, while the busy tenant still has 195 waiting");
    assertEquals(5, claimed.stream().filter(c -> c.tenant().equals(busy)).count(), "perTenant per claim");
  }

  @Test
  void a_tenant_never_holds_more_than_its_cap() {
    TenantId tenant = db.newTenant();
    enqueue(tenant, 10);
    ClaimRequest capped = new ClaimRequest(50, 3, 3, Duration.ofMinutes(5), Marketplace.BUILT_IN);
    List<ClaimedJob> first = drain(Set.of(tenant), capped, "capped");
    assertEquals(3, first.size(), "3 running, 7 waiting until leases end");
  }

  @Test
  void an_expired_lease_is_rescued_and_the_job_runs_again_until_its_attempts_are_used() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = db.jobs.enqueue(tenant, MarketplaceJob.pending(
        JobRequest.of(Marketplace.VINTED, JobAction.IMPORT_PRODUCTS, null).withMaxAttempts(2), NOW));
    assertEquals(1, drain(Set.of(tenant), GENEROUS, "dies").size());

    expireLeaseOf(tenant, job); // the worker died: nobody renews the lease
    assertTrue(queue.rescueExpiredLeases(100) >= 1);
    MarketplaceJob rescued = db.jobs.findById(tenant, job.id()).orElseThrow();
    assertEquals(JobStatus.PENDING, rescued.status());
    assertTrue(rescued.lastError().contains("stopped renewing its lease"), rescued.lastError());

    List<ClaimedJob> again = drain(Set.of(tenant), GENEROUS, "second");
    assertEquals(2, again.get(0).job().attempts());
    expireLeaseOf(tenant, job);
    queue.rescueExpiredLeases(100);
    assertEquals(JobStatus.FAILED, db.jobs.findById(tenant, job.id()).orElseThrow().status(),
        "no attempt left after the second lost worker");
    assertTrue(drain(Set.of(tenant), GENEROUS, "third").isEmpty());
  }

  @Test
  void a_cancelled_job_is_never_claimed() {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, 1).get(0);
    db.jobs.transition(tenant, job, job.requestCancellation(NOW));
    assertTrue(drain(Set.of(tenant), GENEROUS, "w").isEmpty());
  }

  @Test
  void a_tenant_never_runs_more_than_its_marketplace_cap_on_one_marketplace() {
    TenantId tenant = db.newTenant();
    for (int i = 0; i < 5; i++) {
      db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.VINTED, JobAction.SYNC_ORDERS, null), NOW));
      db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null), NOW));
    }
    ClaimRequest capped = new ClaimRequest(50, 6, 6, 2, Duration.ofMinutes(5), Marketplace.BUILT_IN);
    List<ClaimedJob> claimed = drain(Set.of(tenant), capped, "marketplace-capped");
    assertEquals(2, claimed.stream().filter(c -> c.job().marketplace().equals(Marketplace.VINTED)).count());
    assertEquals(2, claimed.stream().filter(c -> c.job().marketplace().equals(Marketplace.EBAY)).count());
    assertEquals(4, claimed.size(), "2 per marketplace, though the tenant cap (6) would allow more");
  }

  @Test
  void a_tenant_with_100_000_queued_jobs_does_not_delay_another_tenants_single_job_beyond_one_claim()
      throws Exception {
    db.clearDispatchIndex();
    TenantId busy = db.newTenant();
    TenantId quiet = db.newTenant();
    try (Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement()) {
      // 100,000 PENDING jobs and their dispatch entries, written in bulk (enqueueing one by one takes minutes)
      st.executeUpdate(TenantSqlRenderer.render("""
          insert into ${tenant}.marketplace_jobs (marketplace, action, status, priority, attempts, max_attempts,
                                                  run_after, created_at, updated_at)
          select 'VINTED', 'PUBLISH', 'PENDING', 0, 0, 5, now() - interval '1 hour', now(), now()
            from generate_series(1, 100000)""", busy));
      st.executeUpdate(TenantSqlRenderer.render("""
          insert into crosslist.job_dispatch (tenant_id, job_id, marketplace, priority, run_after)
          select %d, id, marketplace, priority, run_after from ${tenant}.marketplace_jobs""".formatted(busy.value()),
          busy));
      st.executeUpdate("analyze crosslist.job_dispatch");
    }
    MarketplaceJob single = enqueue(quiet, 1).get(0); // enqueued last, and with a later run_after
    try {
      List<ClaimedJob> claimed = queue.claim("fairness-100k", new ClaimRequest(20, 5, 1_000,
          Duration.ofMinutes(5), Marketplace.BUILT_IN));
      assertTrue(claimed.stream().anyMatch(c -> c.tenant().equals(quiet) && c.job().id().equals(single.id())),
          "the quiet tenant's job is in the very next claim");
      assertEquals(5, claimed.stream().filter(c -> c.tenant().equals(busy)).count());
    } finally {
      db.clearDispatchIndex(); // later tests must not wade through these
    }
  }

  @Test
  void the_claims_set_based_start_equals_the_domains_start_and_counts_the_batch() {
    TenantId tenant = db.newTenant();
    io.crosslist.domain.job.BatchJob batch = db.batches.create(tenant, "bulk", NOW);
    MarketplaceJob before = db.jobs.enqueue(tenant, MarketplaceJob.pending(
        JobRequest.of(Marketplace.ETSY, JobAction.SYNC_ORDERS, null).inBatch(batch.id()).withIdempotencyKey("k-1"),
        NOW));
    ClaimedJob claimed = drain(Set.of(tenant), GENEROUS, "starter").get(0);
    assertEquals(before.start(claimed.job().startedAt()), claimed.job());
    assertEquals(claimed.job(), db.jobs.findById(tenant, before.id()).orElseThrow());
    io.crosslist.domain.job.BatchCounts counts = db.batches.findById(tenant, batch.id()).orElseThrow().counts();
    assertEquals(0, counts.pending());
    assertEquals(1, counts.running());
  }

  @Test
  void a_completion_stores_the_job_its_batch_count_and_statistics_at_once_and_frees_the_tenants_slot() throws Exception {
    TenantId tenant = db.newTenant();
    BatchJob batch = db.batches.create(tenant, "two jobs", NOW);
    for (int i = 0; i < 2; i++) {
      db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null)
          .inBatch(batch.id()), NOW));
    }
    ClaimRequest capOfOne = new ClaimRequest(10, 1, 1, Duration.ofMinutes(5), Marketplace.BUILT_IN);
    List<ClaimedJob> first = drainOnce(tenant, capOfOne);
    assertEquals(1, first.size());
    assertTrue(drainOnce(tenant, capOfOne).isEmpty(), "the cap of one holds while the job runs");

    MarketplaceJob running = first.get(0).job();
    Instant finished = Instant.now();
    MarketplaceJob completed = running.complete("{\"listing\": 7}", finished);
    assertTrue(queue.complete(tenant, completed, Duration.ofMillis(7)));

    MarketplaceJob stored = db.jobs.findById(tenant, running.id()).orElseThrow();
    assertEquals(JobStatus.COMPLETED, stored.status());
    assertEquals("{\"listing\": 7}", stored.result());
    BatchCounts counts = db.batches.findById(tenant, batch.id()).orElseThrow().counts();
    assertEquals(1, counts.completed());
    assertEquals(0, counts.running());
    JobStatistics day = db.journal.statistics(tenant, finished.atZone(ZoneOffset.UTC).toLocalDate()).get(0);
    assertEquals(1, day.succeeded());
    assertEquals(7, day.totalDurationMillis());

    assertEquals(1, drainOnce(tenant, capOfOne).size(), "the next claim removes the entry, freeing the slot");
    assertFalse(dispatchEntryExists(tenant, running.id()));
    assertFalse(queue.complete(tenant, completed, Duration.ofMillis(7)), "a second finish of the attempt is dropped");
    assertEquals(1, db.journal.statistics(tenant, finished.atZone(ZoneOffset.UTC).toLocalDate()).get(0).succeeded());
  }

  @Test
  void successes_of_one_tenant_are_stored_in_one_step_each_as_the_domains_complete_and_counted_once() throws Exception {
    TenantId tenant = db.newTenant();
    BatchJob first = db.batches.create(tenant, "first", NOW);
    BatchJob second = db.batches.create(tenant, "second", NOW);
    List<MarketplaceJob> enqueued = new ArrayList<>();
    for (BatchJob batch : List.of(first, first, second)) {
      enqueued.add(db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.EBAY,
          JobAction.SYNC_ORDERS, null).inBatch(batch.id()), NOW)));
    }
    enqueued.add(db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.ETSY, JobAction.IMPORT_PRODUCTS,
        null), NOW)));
    enqueued.add(db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.EBAY,
        JobAction.SYNC_ORDERS, null), NOW)));
    List<ClaimedJob> claimed = new ArrayList<>(drain(Set.of(tenant), GENEROUS, "w"));
    claimed.sort(java.util.Comparator.comparing(c -> c.job().id().value()));
    assertEquals(5, claimed.size());

    // the last job was taken away meanwhile (its lease expired and it was rescued): its success is dropped
    MarketplaceJob rescued = claimed.get(4).job();
    db.jobs.transition(tenant, rescued, rescued.rescue(Instant.now()));
    Instant finished = Instant.now();
    List<JobQueue.Completion> completions = new ArrayList<>();
    List<MarketplaceJob> expected = new ArrayList<>();
    for (int i = 0; i < claimed.size(); i++) {
      MarketplaceJob running = claimed.get(i).job();
      MarketplaceJob done = (i == 0 ? running.withProgress(new io.crosslist.domain.job.JobProgress(2, 5, "page 2"),
          finished) : running).complete(i == 1 ? null : "{\"n\": " + i + "}", finished.plusMillis(i));
      completions.add(new JobQueue.Completion(done, Duration.ofMillis(10 + i)));
      expected.add(done);
    }

    Set<JobId> stored = queue.complete(tenant, completions);

    assertEquals(Set.of(expected.get(0).id(), expected.get(1).id(), expected.get(2).id(), expected.get(3).id()),
        stored);
    for (int i = 0; i < 4; i++) {
      assertEquals(expected.get(i), db.jobs.findById(tenant, expected.get(i).id()).orElseThrow(),
          "job " + i + " is stored as the domain completes it");
    }
    assertEquals(JobStatus.PENDING, db.jobs.findById(tenant, rescued.id()).orElseThrow().status(), "not overwritten");
    assertEquals(new BatchCounts(0, 0, 2, 0, 0, 0), db.batches.findById(tenant, first.id()).orElseThrow().counts());
    assertEquals(new BatchCounts(0, 0, 1, 0, 0, 0), db.batches.findById(tenant, second.id()).orElseThrow().counts());
    List<JobStatistics> day = db.journal.statistics(tenant, finished.atZone(ZoneOffset.UTC).toLocalDate());
    JobStatistics ebay = day.stream().filter(d -> d.marketplace().equals(Marketplace.EBAY)).findFirst().orElseThrow();
    JobStatistics etsy = day.stream().filter(d -> d.marketplace().equals(Marketplace.ETSY)).findFirst().orElseThrow();
    assertEquals(3, ebay.succeeded(), "the rescued job is not counted");
    assertEquals(10 + 11 + 12, ebay.totalDurationMillis());
    assertEquals(1, etsy.succeeded());
    assertEquals(JobAction.IMPORT_PRODUCTS, etsy.action());
    assertEquals(13, etsy.totalDurationMillis());
  }

  @Test
  void one_result_that_is_not_json_stores_none_of_the_tenants_successes() throws Exception {
    TenantId tenant = db.newTenant();
    enqueue(tenant, 2);
    List<ClaimedJob> claimed = drain(Set.of(tenant), GENEROUS, "w");
    Instant now = Instant.now();
    List<JobQueue.Completion> completions = List.of(
        new JobQueue.Completion(claimed.get(0).job().complete("{}", now), Duration.ZERO),
        new JobQueue.Completion(claimed.get(1).job().complete("not json", now), Duration.ZERO));
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> queue.complete(tenant, completions));
    for (ClaimedJob job : claimed) {
      assertEquals(JobStatus.RUNNING, db.jobs.findById(tenant, job.job().id()).orElseThrow().status(),
          "all or nothing: the caller stores each on its own then");
    }
  }

  @Test
  void the_entry_of_a_job_completed_by_a_process_that_then_died_is_removed_and_the_job_left_completed()
      throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, 1).get(0);
    try (PersistenceModule other = new PersistenceModule(TestDatabase.get().settings().withMaximumPoolSize(2))) {
      JobQueue dying = Guice.createInjector(other).getInstance(JobQueue.class);
      ClaimedJob claimed = dying.claim("dies", GENEROUS).stream().filter(c -> c.tenant().equals(tenant))
          .findFirst().orElseThrow();
      assertTrue(dying.complete(tenant, claimed.job().complete(null, Instant.now()), Duration.ZERO));
    } // the process is gone before its next call would have removed the entry
    assertTrue(dispatchEntryExists(tenant, job.id()));

    expireLeaseOf(tenant, job);
    queue.rescueExpiredLeases(100);
    assertEquals(JobStatus.COMPLETED, db.jobs.findById(tenant, job.id()).orElseThrow().status(), "not rescued");
    assertTrue(drain(Set.of(tenant), GENEROUS, "w").isEmpty(), "not run again");
    assertFalse(dispatchEntryExists(tenant, job.id()));
  }

  @Test
  void a_lease_a_dead_process_left_on_a_completed_job_stops_holding_its_tenant_back_at_the_next_maintenance()
      throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob done = enqueue(tenant, 1).get(0);
    try (PersistenceModule other = new PersistenceModule(TestDatabase.get().settings().withMaximumPoolSize(2))) {
      JobQueue dying = Guice.createInjector(other).getInstance(JobQueue.class);
      ClaimedJob claimed = dying.claim("died", GENEROUS).stream().filter(c -> c.tenant().equals(tenant))
          .findFirst().orElseThrow();
      assertTrue(dying.complete(tenant, claimed.job().complete(null, Instant.now()), Duration.ZERO));
    } // killed before its next call would have removed the entry: it stays leased for five minutes
    MarketplaceJob next = enqueue(tenant, 1).get(0);
    ClaimRequest oneAtATime = new ClaimRequest(1_000, 1, 1, Duration.ofMinutes(5), Marketplace.BUILT_IN);
    assertTrue(drain(Set.of(tenant), oneAtATime, "w").isEmpty(), "the dead process's lease fills the tenant's cap");

    assertTrue(queue.removeEndedLeases(100, 1) >= 1);
    assertFalse(dispatchEntryExists(tenant, done.id()), "removed by the maintenance, not by the lease's expiry");
    assertEquals(List.of(next.id()), drain(Set.of(tenant), oneAtATime, "w").stream().map(c -> c.job().id()).toList());
    assertEquals(JobStatus.COMPLETED, db.jobs.findById(tenant, done.id()).orElseThrow().status(), "left completed");
    assertEquals(0, queue.removeEndedLeases(100, 1), "a lease of a running job stays");
    assertTrue(dispatchEntryExists(tenant, next.id()));
  }

  @Test
  void a_stopping_worker_ends_its_leases_removing_its_completed_jobs_entries_and_giving_back_the_rest()
      throws Exception {
    TenantId tenant = db.newTenant();
    enqueue(tenant, 3);
    List<JobQueue.Lease> all = queue.lease("stopping", GENEROUS); // with what earlier tests left waiting
    List<JobQueue.Lease> leased = all.stream().filter(l -> l.tenant().equals(tenant)).toList();
    assertEquals(3, leased.size());
    List<ClaimedJob> started = queue.start("stopping", tenant, leased.subList(0, 2));
    MarketplaceJob completed = started.get(0).job();
    assertTrue(queue.complete(tenant, completed.complete(null, Instant.now()), Duration.ZERO));
    // the second started job's outcome could not be stored; the third was leased ahead and never started

    assertEquals(all.size() - 1, queue.endLeases("stopping"), "all but the completed one given back");
    assertEquals(0, heldBy("stopping"));
    assertFalse(dispatchEntryExists(tenant, completed.id()), "the completed job's entry is gone");
    for (JobQueue.Lease lease : leased.subList(1, 3)) {
      MarketplaceJob given = db.jobs.findById(tenant, lease.job()).orElseThrow();
      assertEquals(JobStatus.PENDING, given.status(), "given back: claimable at once");
      assertEquals(0, given.attempts(), "its attempt not counted");
    }
    assertEquals(2, drain(Set.of(tenant), GENEROUS, "next").size());
  }

  @Test
  void a_lease_starts_the_attempt_and_neither_it_nor_the_start_writes_the_tenants_job_row() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, 1).get(0);
    String rowVersion = rowVersion(tenant, job);
    List<JobQueue.Lease> leased = queue.lease("w", GENEROUS).stream().filter(l -> l.tenant().equals(tenant)).toList();
    assertEquals(1, leased.size());
    assertEquals(job.id(), leased.get(0).job());
    assertEquals(Marketplace.EBAY, leased.get(0).marketplace());
    MarketplaceJob read = db.jobs.findById(tenant, job.id()).orElseThrow();
    assertEquals(JobStatus.RUNNING, read.status(), "the lease is the running attempt");
    assertEquals(1, read.attempts());
    assertTrue(drainOnce(tenant, GENEROUS).isEmpty(), "held by the lease");

    List<ClaimedJob> started = queue.start("w", tenant, leased);
    assertEquals(1, started.size());
    assertEquals(JobStatus.RUNNING, started.get(0).job().status());
    assertEquals(1, started.get(0).job().attempts());
    assertEquals(started.get(0).job(), db.jobs.findById(tenant, job.id()).orElseThrow());
    assertEquals(rowVersion, rowVersion(tenant, job), "the job's row is written when the attempt ends, not before");
  }

  /** The job row's physical version: changes with every write of the row. */
  private static String rowVersion(TenantId tenant, MarketplaceJob job) throws Exception {
    try (Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(TenantSqlRenderer.render(
            "select xmin::text || '/' || ctid::text from ${tenant}.marketplace_jobs where id = " + job.id().value(),
            tenant))) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void a_lease_given_back_counts_no_attempt_and_one_abandoned_before_its_start_counts_one() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = enqueue(tenant, 1).get(0);
    JobQueue.Lease lease = queue.lease("w", GENEROUS).stream().filter(l -> l.tenant().equals(tenant)).findFirst()
        .orElseThrow();
    assertTrue(queue.giveBack("w", lease));
    assertFalse(queue.giveBack("w", lease), "given back once");
    assertEquals(JobStatus.PENDING, db.jobs.findById(tenant, job.id()).orElseThrow().status());

    lease = queue.lease("dies", GENEROUS).stream().filter(l -> l.tenant().equals(tenant)).findFirst().orElseThrow();
    expireLeaseOf(tenant, job); // the worker died between its lease and the start: the attempt may have begun
    assertEquals(1, queue.rescueExpiredLeases(100));
    assertFalse(queue.giveBack("dies", lease), "the lease is lost");
    MarketplaceJob rescued = db.jobs.findById(tenant, job.id()).orElseThrow();
    assertEquals(JobStatus.PENDING, rescued.status());
    assertEquals(1, rescued.attempts(), "the lost attempt counts");
    List<ClaimedJob> again = drain(Set.of(tenant), GENEROUS, "second");
    assertEquals(1, again.size());
    assertEquals(2, again.get(0).job().attempts());
  }

  @Test
  void a_start_accepts_only_leases_of_its_tenant() {
    TenantId tenant = db.newTenant();
    TenantId other = db.newTenant();
    MarketplaceJob job = enqueue(other, 1).get(0);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> queue.start("w", tenant, List.of(new JobQueue.Lease(other, job.id(), Marketplace.EBAY, NOW))));
    assertTrue(e.getMessage().contains("not " + tenant), e.getMessage());
  }

  @Test
  void the_rescue_finds_expired_leases_through_an_index_not_by_reading_every_waiting_entry() throws Exception {
    // every maintenance tick of every worker runs the rescue; with a long queue a scan of the whole dispatch
    // index would read every waiting entry each time (the statement once did: job_dispatch_leased's predicate,
    // lease_owner is not null, was only implied by its lease_until condition, which PostgreSQL cannot see)
    String sql = mapperStatement("JobDispatchMapper.xml", "expiredLeases").replace("#{limit}", "100");
    TenantId tenant = db.newTenant();
    try (Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement()) {
      st.execute("insert into crosslist.job_dispatch (tenant_id, job_id, marketplace, priority, run_after)"
          + " select " + tenant.value() + ", g, 'EBAY', 0, now() from generate_series(1, 5000) g");
      try {
        st.execute("analyze crosslist.job_dispatch");
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = st.executeQuery("explain " + sql)) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        assertFalse(plan.toString().contains("Seq Scan on job_dispatch"), plan.toString());
      } finally {
        st.execute("delete from crosslist.job_dispatch where tenant_id = " + tenant.value());
      }
    }
  }

  @Test
  void the_start_and_the_finish_find_their_jobs_by_id_not_by_reading_the_tenants_whole_queue() throws Exception {
    // a tenant may have 100,000 PENDING jobs; each start and finish touches only the few jobs of its group. With
    // a generic plan (the pool's setting), PostgreSQL once read every PENDING job through the status index, and
    // every entry of the tenant, for each of them
    TenantId tenant = db.newTenant();
    try (Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement()) {
      st.execute(TenantSqlRenderer.render("""
          insert into ${tenant}.marketplace_jobs (marketplace, action, status, priority, attempts, max_attempts,
            run_after, created_at, updated_at)
          select 'EBAY', 'SYNC_ORDERS', 'PENDING', 0, 0, 3, now(), now(), now() from generate_series(1, 5000)""",
          tenant));
      st.execute(TenantSqlRenderer.render("""
          insert into crosslist.job_dispatch (tenant_id, job_id, marketplace, priority, run_after)
          select %d, id, marketplace, priority, run_after from ${tenant}.marketplace_jobs""".formatted(tenant.value()),
          tenant));
      try {
        st.execute("set plan_cache_mode = force_generic_plan");
        for (String statement : List.of("startClaimed", "completeRunning")) {
          String plan = genericPlan(st, tenant, statement);
          assertFalse(plan.contains("marketplace_jobs_by_status") || plan.contains("Seq Scan"),
              statement + " reads the tenant's queue:\n" + plan);
          assertFalse(plan.matches("(?s).*Index Cond: \\(tenant_id = \\d+\\)\\n.*"),
              statement + " reads all the tenant's dispatch entries:\n" + plan);
        }
      } finally {
        st.execute("delete from crosslist.job_dispatch where tenant_id = " + tenant.value());
      }
    }
  }

  /**
   * The generic plan PostgreSQL makes for a JobMapper statement of {@code tenant}: its text with the includes
   * expanded, the tenant rendered, and each {@code #{...}} parameter numbered, prepared, then explained with nulls.
   */
  private static String genericPlan(java.sql.Statement st, TenantId tenant, String id) throws Exception {
    String sql = mapperStatement("JobMapper.xml", id).replaceAll("<bind [^>]*/>", "");
    java.util.regex.Matcher include = java.util.regex.Pattern.compile("<include refid=\"([\\w.]+)\"/>").matcher(sql);
    StringBuilder expanded = new StringBuilder();
    while (include.find()) {
      String ref = include.group(1);
      String mapper = ref.contains(".") ? ref.substring(ref.lastIndexOf('.', ref.lastIndexOf('.') - 1) + 1,
          ref.lastIndexOf('.')) + ".xml" : "JobMapper.xml";
      include.appendReplacement(expanded, java.util.regex.Matcher.quoteReplacement(
          fragment(mapper, ref.substring(ref.lastIndexOf('.') + 1))));
    }
    include.appendTail(expanded);
    sql = TenantSqlRenderer.render(expanded.toString().replace("#{tenantId}", String.valueOf(tenant.value())), tenant);
    java.util.Map<String, Integer> numbers = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher param = java.util.regex.Pattern.compile("#\\{(\\w+)[^}]*}").matcher(sql);
    StringBuilder numbered = new StringBuilder();
    while (param.find()) {
      int n = numbers.computeIfAbsent(param.group(1), k -> numbers.size() + 1);
      param.appendReplacement(numbered, "\\$" + n);
    }
    param.appendTail(numbered);
    st.execute("prepare plan_probe as " + numbered);
    try {
      StringBuilder plan = new StringBuilder();
      String nulls = String.join(", ", java.util.Collections.nCopies(numbers.size(), "null"));
      try (ResultSet rs = st.executeQuery("explain execute plan_probe(" + nulls + ")")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    } finally {
      st.execute("deallocate plan_probe");
    }
  }

  /** The text of an {@code <sql>} fragment of a mapper XML. */
  private static String fragment(String mapper, String id) throws Exception {
    String xml;
    try (var in = JobQueueTest.class.getResourceAsStream(mapper)) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<sql id=\"" + id + "\">(.*?)</sql>",
        java.util.regex.Pattern.DOTALL).matcher(xml);
    assertTrue(m.find(), id + " in " + mapper);
    return m.group(1).replaceAll("(?s)<!--.*?-->", "").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** The text of one statement of a mapper XML with no dynamic parts, as PostgreSQL would receive it. */
  private static String mapperStatement(String mapper, String id) throws Exception {
    String xml;
    try (var in = JobQueueTest.class.getResourceAsStream(mapper)) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(select|update|delete|insert) id=\"" + id
        + "\"[^>]*>(.*?)</\\1>", java.util.regex.Pattern.DOTALL).matcher(xml);
    assertTrue(m.find(), id + " in " + mapper);
    return m.group(2).replaceAll("(?s)<!--.*?-->", "").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private List<ClaimedJob> drainOnce(TenantId tenant, ClaimRequest request) {
    return queue.claim("w", request).stream().filter(c -> c.tenant().equals(tenant)).toList();
  }

  private static boolean dispatchEntryExists(TenantId tenant, JobId job) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "select 1 from crosslist.job_dispatch where tenant_id = ? and job_id = ?")) {
      ps.setLong(1, tenant.value());
      ps.setLong(2, job.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int heldBy(String worker) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "select count(*) from crosslist.job_dispatch where lease_owner = ?")) {
      ps.setString(1, worker);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void expireLeaseOf(TenantId tenant, MarketplaceJob job) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update crosslist.job_dispatch set lease_until = now() - interval '1 second' where tenant_id = ? and job_id = ?")) {
      ps.setLong(1, tenant.value());
      ps.setLong(2, job.id().value());
      assertEquals(1, ps.executeUpdate());
    }
  }
}
