package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.LocalDate;

/** A row of {@code job_statistics}. */
public final class StatisticsRow {
  public LocalDate day;
  public String marketplace;
  public String action;
  public long succeeded;
  public long failed;
  public long totalDurationMs;

  JobStatistics toStatistics() {
    return new JobStatistics(day, Marketplace.of(marketplace), JobAction.of(action), succeeded, failed,
        totalDurationMs);
  }
}
