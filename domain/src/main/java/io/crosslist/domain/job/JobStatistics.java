package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How one day of a tenant's jobs of one (marketplace, action) went: attempts that ended the job
 * COMPLETED or FAILED, and how long the handlers ran in all.
 */
public record JobStatistics(LocalDate day, Marketplace marketplace, JobAction action, long succeeded, long failed,
    long totalDurationMillis) {

  public JobStatistics {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(action, "action");
  }
}
