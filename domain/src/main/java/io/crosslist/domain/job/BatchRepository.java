package io.crosslist.domain.job;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: a tenant's batches. Their counts move with their jobs ({@link MarketplaceJobRepository#transition}). */
public interface BatchRepository {

  /** Stores a new, empty batch; each job enqueued into it is counted as it is stored. */
  BatchJob create(TenantId tenant, String description, Instant now);

  Optional<BatchJob> findById(TenantId tenant, BatchId id);

  /**
   * The tenant's jobs in no batch that no worker holds (waiting or ended), in id order, locked until the unit of
   * work ends: no worker starts them, and nothing else moves them, meanwhile. Call it inside a unit of work.
   */
  List<StandaloneJob> lockStandaloneJobs(TenantId tenant);

  /**
   * Stores a batch of existing standalone jobs, with {@code counts} (what their statuses are), and moves the jobs
   * into it. Call it inside the unit of work that locked them ({@link #lockStandaloneJobs}).
   *
   * @param createdAt the batch's creation time (its first job's enqueue time)
   * @throws IllegalStateException when a job is not standalone any more (nothing is moved)
   */
  BatchJob createFromJobs(TenantId tenant, String description, List<JobId> jobs, BatchCounts counts,
      Instant createdAt, Instant now);
}
