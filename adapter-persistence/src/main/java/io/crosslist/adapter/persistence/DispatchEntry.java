package io.crosslist.adapter.persistence;

/** A (tenant, job) entry of {@code crosslist.job_dispatch} as a claim or a rescue returns it. */
final class DispatchEntry {
  public long tenantId;
  public long jobId;
  /** Returned by the claim only. */
  public String marketplace;
  /** Returned by the claim only: when the attempt the lease is for started. */
  public java.time.Instant attemptStartedAt;

  static DispatchEntry of(long tenantId, long jobId) {
    DispatchEntry entry = new DispatchEntry();
    entry.tenantId = tenantId;
    entry.jobId = jobId;
    return entry;
  }
}
