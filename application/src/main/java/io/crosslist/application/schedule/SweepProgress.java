package io.crosslist.application.schedule;

import io.crosslist.domain.tenant.TenantId;

/**
 * Hears about each tenant a {@link TenantSweep} finishes, as it happens: for a progress bar, a log line
 * every so often, or an operation's status that an API shows. Called from the sweep's threads, one call at a
 * time; it must return quickly.
 */
@FunctionalInterface
public interface SweepProgress {
  /** Ignores everything. */
  SweepProgress NONE = (tenant, failure) -> { };

  /**
   * @param tenant the tenant whose work ended
   * @param failure why it failed, or null when it succeeded (or was skipped)
   */
  void done(TenantId tenant, TenantFailure failure);
}
