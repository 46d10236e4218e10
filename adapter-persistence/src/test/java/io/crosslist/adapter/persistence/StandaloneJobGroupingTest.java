package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.job.port.in.EnqueueBatchUseCase.EnqueueBatchCommand;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupCommand;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupedBatch;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupingReport;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobManagementService;
import io.crosslist.application.job.service.StandaloneJobGroupingService;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grouping existing standalone jobs into batches ({@code crosslist jobs batch-existing}) on real PostgreSQL: which
 * jobs are grouped, counts equal to what the batch read API then shows and what its jobs' statuses say, running jobs
 * left alone, a dry run and a second run changing nothing, and one tenant's failure not stopping the others.
 */
class StandaloneJobGroupingTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private final Persistence db = Persistence.get();
  private final MovableClock clock = new MovableClock();
  private final JobEnqueueService enqueue = new JobEnqueueService(db.jobs, db.batches, db.products, db.unitOfWork,
      clock, JobStoreTest.handlersForEveryPair());
  private final JobManagementService manage = new JobManagementService(db.jobs, db.batches, db.unitOfWork, clock);
  private final StandaloneJobGroupingService grouping = new StandaloneJobGroupingService(db.directory, db.batches,
      db.unitOfWork, clock, 2);
  private TenantId tenant;
  private ProductId product;

  /** A clock the test moves, so that jobs are enqueued at chosen times. */
  static final class MovableClock extends Clock {
    volatile Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void tenantWithAProduct() {
    tenant = db.newTenant();
    product = db.products.add(tenant, Product.newDraft(defaultDetails(), T0)).id();
  }

  private MarketplaceJob enqueueAt(Duration after, Marketplace marketplace, JobAction action) {
    clock.now = T0.plus(after);
    return enqueue.enqueue(tenant, JobRequest.of(marketplace, action, product));
  }

  private GroupingReport group(boolean dryRun, TenantId... tenants) {
    clock.now = T0.plus(Duration.ofHours(2));
    return grouping.group(new GroupCommand(TenantScope.only(List.of(tenants)), WINDOW, dryRun));
  }

  /** The counts a batch's jobs' statuses say, as the domain counts them. */
  private BatchCounts countedFromJobs(io.crosslist.domain.job.BatchId batch) {
    BatchCounts counts = new BatchCounts(0, 0, 0, 0, 0, 0);
    for (MarketplaceJob job : manage.list(tenant, JobSearch.firstPage().inBatch(batch)).items()) {
      int[] c = {counts.pending(), counts.running(), counts.completed(), counts.failed(), counts.cancelled(),
          counts.expired()};
      c[job.status().ordinal()]++;
      counts = new BatchCounts(c[0], c[1], c[2], c[3], c[4], c[5]);
    }
    return counts;
  }

  @Test
  void jobs_of_one_type_enqueued_within_the_window_become_batches_with_exact_counts_and_a_rerun_changes_nothing() {
    assertEquals(List.of(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED, JobStatus.FAILED,
        JobStatus.CANCELLED, JobStatus.EXPIRED), List.of(JobStatus.values()), "countedFromJobs relies on this order");
    MarketplaceJob a1 = enqueueAt(Duration.ZERO, Marketplace.VINTED, JobAction.PUBLISH);
    MarketplaceJob a2 = enqueueAt(Duration.ofMinutes(4), Marketplace.VINTED, JobAction.PUBLISH);
    MarketplaceJob a3 = enqueueAt(Duration.ofMinutes(8), Marketplace.VINTED, JobAction.PUBLISH); // gap 4m: same group
    MarketplaceJob b1 = enqueueAt(Duration.ofMinutes(20), Marketplace.VINTED, JobAction.PUBLISH); // gap 12m: new group
    MarketplaceJob b2 = enqueueAt(Duration.ofMinutes(21), Marketplace.VINTED, JobAction.PUBLISH);
    MarketplaceJob lone = enqueueAt(Duration.ofMinutes(40), Marketplace.VINTED, JobAction.PUBLISH);
    MarketplaceJob otherType = enqueueAt(Duration.ofMinutes(1), Marketplace.EBAY, JobAction.PUBLISH);
    MarketplaceJob otherAction = enqueueAt(Duration.ofMinutes(2), Marketplace.VINTED, JobAction.UPDATE);
    MarketplaceJob running = enqueueAt(Duration.ofMinutes(21).plusSeconds(30), Marketplace.VINTED, JobAction.PUBLISH);
    clock.now = T0.plus(Duration.ofMinutes(30));
    BatchJob existing = enqueue.enqueue(new EnqueueBatchCommand(tenant, "already a batch", List.of(
        JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, product))));
    // a1 completed, a2 cancelled, a3 waiting; running is held by a worker
    MarketplaceJob started = db.start(tenant, a1, "w");
    db.jobs.transition(tenant, started, started.complete("{}", clock.instant()));
    manage.cancel(tenant, a2.id());
    MarketplaceJob held = db.start(tenant, running, "w");

    GroupingReport dry = group(true, tenant);
    assertEquals(2, dry.batches());
    assertEquals(5, dry.jobsMoved());
    assertTrue(dry.tenants().get(0).batches().stream().allMatch(b -> b.batch() == null), "no batch on a dry run");
    assertNull(manage.get(tenant, a1.id()).batch(), "a dry run changes nothing");

    GroupingReport report = group(false, tenant);
    assertEquals(1, report.summary().processed());
    assertEquals(0, report.summary().failed());
    assertEquals(5, report.summary().itemsChanged());
    List<GroupedBatch> batches = report.tenants().get(0).batches();
    assertEquals(2, batches.size());
    GroupedBatch first = batches.get(0);
    GroupedBatch second = batches.get(1);
    assertEquals(List.of(a1.id(), a2.id(), a3.id()), first.jobs());
    assertEquals(List.of(b1.id(), b2.id()), second.jobs());
    assertEquals(new BatchCounts(1, 0, 1, 0, 1, 0), first.counts());
    assertEquals(BatchCounts.ofPending(2), second.counts());
    for (GroupedBatch b : batches) {
      BatchJob read = manage.get(tenant, b.batch());
      assertEquals(b.counts(), read.counts(), "the batch read API shows the counts the grouping stored");
      assertEquals(countedFromJobs(b.batch()), read.counts(), "the counts are what the batch's jobs say");
      assertEquals(b.firstEnqueuedAt(), read.createdAt());
    }
    for (MarketplaceJob untouched : List.of(lone, otherType, otherAction, running)) {
      assertNull(manage.get(tenant, untouched.id()).batch(), "job " + untouched.id() + " stays standalone");
    }
    assertEquals(1, manage.get(tenant, existing.id()).counts().total(), "an existing batch is not touched");
    assertEquals(JobStatus.RUNNING, manage.get(tenant, held.id()).status());

    GroupingReport again = group(false, tenant);
    assertEquals(0, again.batches(), "a re-run changes nothing");
    assertEquals(0, again.summary().itemsChanged());

    // a grouped job that runs later moves its new batch's counts as any batch job does
    MarketplaceJob a3Started = db.start(tenant, manage.get(tenant, a3.id()), "w");
    assertEquals(new BatchCounts(0, 1, 1, 0, 1, 0), manage.get(tenant, first.batch()).counts());
    db.jobs.transition(tenant, a3Started, a3Started.complete("{}", clock.instant()));
    assertEquals(new BatchCounts(0, 0, 2, 0, 1, 0), manage.get(tenant, first.batch()).counts());
    assertEquals(countedFromJobs(first.batch()), manage.get(tenant, first.batch()).counts());
  }

  @Test
  void a_tenant_that_fails_is_named_and_the_others_are_grouped() {
    enqueueAt(Duration.ZERO, Marketplace.ETSY, JobAction.PUBLISH);
    enqueueAt(Duration.ofSeconds(30), Marketplace.ETSY, JobAction.PUBLISH);
    TenantId broken = db.newTenant(); // its jobs table is away while the grouping runs: its grouping fails
    TenantId unprovisioned = Persistence.unusedTenant(); // selected, but not a tenant: skipped
    TenantId idle = db.newTenant();
    sql("alter table " + broken.schemaName() + ".marketplace_jobs rename to marketplace_jobs_away");
    GroupingReport report;
    try {
      report = grouping.group(new GroupCommand(TenantScope.only(List.of(tenant, broken, unprovisioned, idle)),
          WINDOW, false));
    } finally {
      sql("alter table " + broken.schemaName() + ".marketplace_jobs_away rename to marketplace_jobs");
    }

    assertEquals(2, report.summary().processed());
    assertEquals(1, report.summary().failed());
    assertEquals(1, report.summary().skipped());
    assertEquals(List.of(broken), report.summary().failedTenants());
    assertEquals(1, report.batches());
    assertEquals(2, report.jobsMoved());
    assertTrue(report.tenants().stream().anyMatch(t -> t.tenant().equals(idle) && t.batches().isEmpty()));
    List<JobId> grouped = new ArrayList<>(report.tenants().stream().filter(t -> t.tenant().equals(tenant))
        .findFirst().orElseThrow().batches().get(0).jobs());
    assertEquals(2, grouped.size());
  }

  private static void sql(String statement) {
    try (java.sql.Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement()) {
      st.execute(statement);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
