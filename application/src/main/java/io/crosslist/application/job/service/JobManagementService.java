package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.CancelBatchUseCase;
import io.crosslist.application.job.port.in.CancelJobUseCase;
import io.crosslist.application.job.port.in.GetBatchUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.application.job.port.in.ListJobsUseCase;
import io.crosslist.application.job.port.in.PurgeFinishedJobsUseCase;
import io.crosslist.application.job.port.in.RetryJobUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.BatchNotFoundException;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobNotFoundException;
import io.crosslist.domain.Page;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** What a user does with jobs and batches once enqueued: look at them, cancel them, retry them. */
public final class JobManagementService
    implements GetJobUseCase, ListJobsUseCase, GetBatchUseCase, CancelJobUseCase, CancelBatchUseCase, RetryJobUseCase,
    PurgeFinishedJobsUseCase {
  private final MarketplaceJobRepository jobs;
  private final BatchRepository batches;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public JobManagementService(MarketplaceJobRepository jobs, BatchRepository batches, UnitOfWork unitOfWork,
      Clock clock) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.batches = Objects.requireNonNull(batches, "batches");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MarketplaceJob get(TenantId tenant, JobId job) {
    return jobs.findById(tenant, job).orElseThrow(() -> new JobNotFoundException(job));
  }

  @Override
  public Page<MarketplaceJob> list(TenantId tenant, JobSearch search) {
    return jobs.search(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(search, "search"));
  }

  @Override
  public BatchJob get(TenantId tenant, BatchId batch) {
    return batches.findById(tenant, batch).orElseThrow(() -> new BatchNotFoundException(batch));
  }

  @Override
  public MarketplaceJob cancel(TenantId tenant, JobId job) {
    return change(tenant, job, current -> current.requestCancellation(clock.instant()));
  }

  @Override
  public MarketplaceJob retry(TenantId tenant, JobId job) {
    return change(tenant, job, current -> current.retry(clock.instant()));
  }

  @Override
  public BatchJob cancel(TenantId tenant, BatchId batch) {
    return unitOfWork.inTransaction(tenant, () -> {
      get(tenant, batch);
      for (JobStatus status : new JobStatus[] {JobStatus.PENDING, JobStatus.RUNNING}) {
        JobSearch search = JobSearch.firstPage().inBatch(batch).withStatus(status).withLimit(JobSearch.MAX_LIMIT);
        Page<MarketplaceJob> page;
        PageCursor after = null;
        do {
          page = jobs.search(tenant, search.after(after));
          for (MarketplaceJob job : page.items()) {
            if (!job.cancelRequested()) {
              jobs.transition(tenant, job, job.requestCancellation(clock.instant()));
            }
          }
          after = page.next();
        } while (after != null);
      }
      return get(tenant, batch);
    });
  }

  /** Reads a job and stores one transition of it, in one transaction. */
  private MarketplaceJob change(TenantId tenant, JobId job, UnaryOperator<MarketplaceJob> transition) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(job, "job");
    return unitOfWork.inTransaction(tenant, () -> {
      MarketplaceJob current = get(tenant, job);
      return jobs.transition(tenant, current, transition.apply(current));
    });
  }

  @Override
  public int purgeFinished(TenantId tenant, Duration retention) {
    if (retention == null || retention.compareTo(Duration.ofHours(1)) < 0) {
      throw ValidationException.of("retention", "must be at least 1 hour");
    }
    Instant cutoff = clock.instant().minus(retention);
    int deleted = 0;
    for (int batch; (batch = jobs.deleteFinishedBefore(tenant, cutoff, 1_000)) > 0; ) {
      deleted += batch; // in slices, so that no statement holds many row locks for long
    }
    return deleted;
  }
}
