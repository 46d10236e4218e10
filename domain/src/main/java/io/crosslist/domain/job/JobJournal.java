package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;

/**
 * Out-port: what the engine writes down about finished attempts, per tenant: the marketplace error
 * log and the daily job statistics. Called inside the unit of work that finishes the attempt, so the
 * record and the job's new status are stored together or not at all.
 */
public interface JobJournal {

  void recordError(TenantId tenant, MarketplaceError error);

  /**
   * Adds one finished job to the statistics of its day.
   *
   * @param succeeded true for COMPLETED, false for FAILED
   * @param durationMillis how long the last attempt's handler ran
   */
  void recordFinished(TenantId tenant, LocalDate day, Marketplace marketplace, JobAction action, boolean succeeded,
      long durationMillis);

  /** The newest {@code limit} (1 to 500) entries of the tenant's error log, newest first. */
  List<MarketplaceError> recentErrors(TenantId tenant, int limit);

  /** The statistics of one day, per (marketplace, action). */
  List<JobStatistics> statistics(TenantId tenant, LocalDate day);
}
