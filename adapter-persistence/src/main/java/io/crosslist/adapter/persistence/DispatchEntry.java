package io.crosslist.adapter.persistence;

/** A (tenant, job) entry of {@code crosslist.job_dispatch} as a claim or a rescue returns it. */
final class DispatchEntry {
  public long tenantId;
  public long jobId;
}
