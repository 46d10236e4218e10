package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import java.time.Instant;

/** A row of {@code ${tenant}.marketplace_batches} as MyBatis reads it. */
public final class BatchRow {
  public long id;
  public String description;
  public int pending;
  public int running;
  public int completed;
  public int failed;
  public int cancelled;
  public int expired;
  public Instant createdAt;
  public Instant updatedAt;

  BatchJob toBatch() {
    return new BatchJob(BatchId.of(id), description, new BatchCounts(pending, running, completed, failed, cancelled,
        expired), createdAt, updatedAt);
  }
}
