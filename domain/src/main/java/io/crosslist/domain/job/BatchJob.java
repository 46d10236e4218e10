package io.crosslist.domain.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A group of jobs created by one bulk action (e.g. publish 200 products to two marketplaces), with
 * exact counts per status and a status derived from them.
 *
 * @param description what the bulk action was, at most 200 characters
 */
public record BatchJob(BatchId id, String description, BatchCounts counts, Instant createdAt, Instant updatedAt) {
  public BatchJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public BatchStatus status() {
    return counts.status();
  }
}
