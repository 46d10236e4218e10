package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;

/**
 * In-port: runs one attempt of a claimed job: calls its handler outside any transaction, persists
 * its progress, lets it see cancellation, and stores how the attempt ended (with the error log and
 * the daily statistics) in one transaction of the job's tenant.
 */
public interface RunJobUseCase {

  /** Runs the attempt to its end; never throws for a handler's failure (that is the job's outcome). */
  JobRunResult run(ClaimedJob job);

  /**
   * How an attempt ended.
   *
   * @param status the job's status after the attempt: COMPLETED, FAILED, CANCELLED, or PENDING (to be
   *     retried); null when the job was taken away meanwhile (its lease expired and it was rescued)
   * @param handlerTime how long the handler ran
   */
  record JobRunResult(TenantId tenant, JobId job, Marketplace marketplace, JobAction action, JobStatus status,
      Duration handlerTime) {

    /** Whether this worker lost the job before it could store the outcome. */
    public boolean lost() {
      return status == null;
    }
  }
}
