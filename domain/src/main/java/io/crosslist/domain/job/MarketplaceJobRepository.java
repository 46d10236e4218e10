package io.crosslist.domain.job;

import io.crosslist.domain.Page;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: a tenant's marketplace jobs, and the dispatch index that lets workers find them. Every
 * call names the tenant; an implementation keeps the index consistent with the jobs in the same
 * transaction: a job is claimable exactly while it is PENDING or RUNNING.
 */
public interface MarketplaceJobRepository {

  /**
   * Stores a new PENDING job and makes it claimable. When the job carries an idempotency key that
   * another job of the tenant already has, nothing is written and that job is returned. A stored job
   * that belongs to a batch is counted in the batch as PENDING.
   */
  MarketplaceJob enqueue(TenantId tenant, MarketplaceJob job);

  Optional<MarketplaceJob> findById(TenantId tenant, JobId id);

  /**
   * Reads a job and holds it, with its place in the dispatch index, until the surrounding unit of work ends,
   * so that a read-then-transition (finishing an attempt, a cancellation) neither loses a concurrent change
   * such as a cancellation request nor finds the job moved on: while held, a waiting job is not started and a
   * running one does not finish. Outside a unit of work it is the same as {@link #findById}.
   *
   * <p>Lock order, the same everywhere: job rows, then dispatch entries, then batch rows, then statistics.
   */
  Optional<MarketplaceJob> findForUpdate(TenantId tenant, JobId id);

  /**
   * {@link #findForUpdate} for up to {@code limit} of a batch's unfinished jobs (PENDING or RUNNING) with ids
   * above {@code after} (null: from the first), in id order. A job another transaction holds (a worker storing
   * its outcome) is skipped, not waited for, so that the caller never waits for one job while it holds others;
   * the caller looks at skipped jobs again later. Needs a unit of work.
   */
  List<MarketplaceJob> findUnfinishedForUpdate(TenantId tenant, BatchId batch, JobId after, int limit);

  /** One page of jobs matching {@code search}, newest first. */
  Page<MarketplaceJob> search(TenantId tenant, JobSearch search);

  /**
   * Stores {@code next}, a transition of {@code previous}, if the stored job is still {@code
   * previous} (same status and attempts); keeps the dispatch index and the batch counts in step.
   *
   * @return {@code next}
   * @throws io.crosslist.domain.ConcurrentUpdateException when the stored job moved on; nothing is written
   */
  MarketplaceJob transition(TenantId tenant, MarketplaceJob previous, MarketplaceJob next);

  /**
   * Deletes up to {@code limit} of the tenant's jobs that ended (COMPLETED, FAILED, CANCELLED or EXPIRED)
   * before {@code cutoff}, with their tasks. Batches keep their counts; the error log and statistics stay.
   *
   * @return how many jobs were deleted
   */
  int deleteFinishedBefore(TenantId tenant, java.time.Instant cutoff, int limit);
}
