package io.crosslist.domain.job;

/** Identity of a marketplace job inside its tenant's schema (ids repeat across tenants). */
public record JobId(long value) {
  public JobId {
    if (value <= 0) {
      throw new IllegalArgumentException("job id must be positive, got " + value);
    }
  }

  public static JobId of(long value) {
    return new JobId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
