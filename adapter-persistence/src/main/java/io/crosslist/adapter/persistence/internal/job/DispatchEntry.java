package io.crosslist.adapter.persistence.internal.job;

/** A (tenant, job) entry of {@code crosslist.job_dispatch} as a claim, a rescue or a read of held entries gives it. */
public final class DispatchEntry {
  public long tenantId;
  public long jobId;
  /** Returned by the claim only. */
  public String marketplace;
  /** Who holds the entry: returned by the reads of held entries only. */
  public String leaseOwner;
  /** Returned by the claim and the reads of held entries: when the attempt the lease is for started. */
  public java.time.Instant attemptStartedAt;

  static DispatchEntry of(long tenantId, long jobId) {
    DispatchEntry entry = new DispatchEntry();
    entry.tenantId = tenantId;
    entry.jobId = jobId;
    return entry;
  }
}
