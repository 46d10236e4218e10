package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;
import java.util.Objects;

/**
 * A job that belongs to no batch and that no worker holds: a candidate for {@link JobGrouping}.
 *
 * @param status the job's stored status; never {@link JobStatus#RUNNING} (running jobs are not candidates)
 * @param enqueuedAt when it was enqueued (its creation time)
 */
public record StandaloneJob(JobId id, Marketplace marketplace, JobAction action, JobStatus status,
    Instant enqueuedAt) {
  public StandaloneJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    if (status == JobStatus.RUNNING) {
      throw new IllegalArgumentException("job " + id + " is running: a running job is never grouped");
    }
  }

  /** The job's type: its marketplace and action. */
  public JobType type() {
    return new JobType(marketplace, action);
  }
}
