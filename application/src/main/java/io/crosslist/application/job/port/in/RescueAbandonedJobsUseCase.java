package io.crosslist.application.job.port.in;

/**
 * In-port: gives back jobs whose worker died (lease expired): PENDING again, or FAILED without attempts left; and
 * removes the leases a dead worker left on jobs that had ended.
 */
public interface RescueAbandonedJobsUseCase {

  /** Rescues up to {@code limit} jobs; returns how many. */
  int rescueAbandoned(int limit);

  /**
   * Removes leased dispatch entries of jobs that already ended, which a worker that died between storing an
   * outcome and removing the entry left behind, so that they stop counting against the tenants' caps before
   * their leases expire. Looks at up to {@code tenants} tenants with work waiting that hold at least {@code
   * heldAtLeast} leases, in turns; returns how many entries it removed.
   */
  int removeEndedLeases(int tenants, int heldAtLeast);
}
