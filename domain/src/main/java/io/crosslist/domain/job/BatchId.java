package io.crosslist.domain.job;

/** Identity of a batch of jobs inside its tenant's schema. */
public record BatchId(long value) {
  public BatchId {
    if (value <= 0) {
      throw new IllegalArgumentException("batch id must be positive, got " + value);
    }
  }

  public static BatchId of(long value) {
    return new BatchId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
