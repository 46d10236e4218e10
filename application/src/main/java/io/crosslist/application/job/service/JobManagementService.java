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
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** What a user does with jobs and batches once enqueued: look at them, cancel them, retry them. */
public final class JobManagementService
    implements GetJobUseCase, ListJobsUseCase, GetBatchUseCase, CancelJobUseCase, CancelBatchUseCase, RetryJobUseCase,
    PurgeFinishedJobsUseCase {
  /** Jobs of a batch cancelled per transaction: bounds how long the cancel holds the batch's row from the workers. */
  private static final int CANCEL_CHUNK = 100;
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

  /**
   * Cancels every unfinished job of the batch: waiting ones end CANCELLED and never start, running ones are asked
   * to stop (and end CANCELLED when their handlers return). It runs in short transactions of up to {@value
   * #CANCEL_CHUNK} jobs, in id order, each holding its jobs and their dispatch entries before it writes (the
   * engine's lock order), so it neither deadlocks with the workers nor finds a job moved on. A job a worker held
   * at that moment (storing its outcome) is skipped there, and cancelled afterwards on its own.
   */
  @Override
  public BatchJob cancel(TenantId tenant, BatchId batch) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(batch, "batch");
    get(tenant, batch);
    JobId after = null;
    do {
      JobId from = after;
      after = unitOfWork.inTransaction(tenant, () -> {
        List<MarketplaceJob> held = jobs.findUnfinishedForUpdate(tenant, batch, from, CANCEL_CHUNK);
        held.forEach(job -> requestCancellation(tenant, job));
        return held.isEmpty() ? null : held.get(held.size() - 1).id();
      });
    } while (after != null);
    for (JobStatus status : new JobStatus[] {JobStatus.PENDING, JobStatus.RUNNING}) {
      JobSearch search = JobSearch.firstPage().inBatch(batch).withStatus(status).withLimit(JobSearch.MAX_LIMIT);
      PageCursor page = null;
      do {
        Page<MarketplaceJob> found = jobs.search(tenant, search.after(page));
        for (MarketplaceJob job : found.items()) {
          if (needsCancellation(job)) { // skipped above: waits for the worker holding it, holding nothing else
            unitOfWork.inTransaction(tenant, () -> {
              jobs.findForUpdate(tenant, job.id()).ifPresent(current -> requestCancellation(tenant, current));
              return null;
            });
          }
        }
        page = found.next();
      } while (page != null);
    }
    return get(tenant, batch);
  }

  /** Cancels a held job of a batch, unless it ended or was already asked to stop. */
  private void requestCancellation(TenantId tenant, MarketplaceJob job) {
    if (needsCancellation(job)) {
      jobs.transition(tenant, job, job.requestCancellation(clock.instant()));
    }
  }

  private static boolean needsCancellation(MarketplaceJob job) {
    return job.status() == JobStatus.PENDING || job.status() == JobStatus.RUNNING && !job.cancelRequested();
  }

  /**
   * Reads a job and stores one transition of it, in one transaction. The job is held with its dispatch entry
   * ({@link MarketplaceJobRepository#findForUpdate}), so that no worker starts or finishes it in between: the
   * transition applies to the job as it is, never to a state that moved on.
   */
  private MarketplaceJob change(TenantId tenant, JobId job, UnaryOperator<MarketplaceJob> transition) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(job, "job");
    return unitOfWork.inTransaction(tenant, () -> {
      MarketplaceJob current = jobs.findForUpdate(tenant, job).orElseThrow(() -> new JobNotFoundException(job));
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
