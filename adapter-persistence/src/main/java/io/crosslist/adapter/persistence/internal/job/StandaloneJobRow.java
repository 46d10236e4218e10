package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.StandaloneJob;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;

/** A job in no batch as {@code lockStandalone} reads it (stored status: a running attempt leaves it PENDING). */
public final class StandaloneJobRow {
  public long id;
  public String marketplace;
  public String action;
  public String status;
  public Instant createdAt;

  StandaloneJob toJob() {
    return new StandaloneJob(JobId.of(id), Marketplace.of(marketplace), JobAction.of(action), JobStatus.valueOf(status),
        createdAt);
  }
}
