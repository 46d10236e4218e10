package io.crosslist.domain.job;

import io.crosslist.domain.Page;
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

  /** One page of the tenant's error log, newest first, filtered as {@code search} says. */
  Page<ErrorLogEntry> errors(TenantId tenant, ErrorLogSearch search);

  /** The newest {@code limit} (1 to 500) entries of the tenant's error log, newest first. */
  default List<MarketplaceError> recentErrors(TenantId tenant, int limit) {
    return errors(tenant, ErrorLogSearch.newest(limit)).items().stream().map(ErrorLogEntry::error).toList();
  }

  /** The longest range {@link #statistics(TenantId, LocalDate, LocalDate)} answers, in days. */
  int MAX_STATISTICS_DAYS = 366;

  /**
   * The statistics of the days {@code from} to {@code to}, both included, per (day, marketplace, action),
   * oldest day first. Days without finished jobs have no entry.
   *
   * @throws io.crosslist.domain.ValidationException when {@code from} is after {@code to} or the range is
   *     longer than {@value #MAX_STATISTICS_DAYS} days
   */
  List<JobStatistics> statistics(TenantId tenant, LocalDate from, LocalDate to);

  /** The statistics of one day, per (marketplace, action). */
  default List<JobStatistics> statistics(TenantId tenant, LocalDate day) {
    return statistics(tenant, day, day);
  }
}
