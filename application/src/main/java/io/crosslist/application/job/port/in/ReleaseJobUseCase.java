package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;

/**
 * In-port: a worker that shuts down gives back a job whose handler did not finish: PENDING again at
 * once, without counting the attempt (or CANCELLED if a cancellation was requested), and then ends every
 * lease it still holds.
 */
public interface ReleaseJobUseCase {

  /** False when the job had already moved on (finished, or rescued by another worker). */
  boolean release(ClaimedJob job);

  /** Gives back a job leased to {@code worker} and not started; false when the lease was lost meanwhile. */
  boolean giveBack(String worker, Lease lease);

  /**
   * The last step of a worker's stop: ends every lease {@code worker} still holds, removing the entries of jobs
   * that ended and giving back the others (attempt not counted). Returns how many it gave back.
   */
  int endLeases(String worker);
}
