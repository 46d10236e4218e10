package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/**
 * In-port: a worker claims runnable jobs of all tenants, fairly, and starts them. A claim is two steps:
 * {@link #lease} (the dispatch, on the shared index only) and {@link #start} (per tenant, in its schema),
 * so that a worker can start each tenant's jobs on its handler threads; {@link #claim} does both.
 */
public interface ClaimJobsUseCase {

  /** Jobs leased to {@code worker}, not started yet; empty when nothing is runnable now. */
  List<Lease> lease(String worker, ClaimRequest request);

  /** Starts leased jobs of one tenant: the ones returned are RUNNING, the others could no longer start. */
  List<ClaimedJob> start(String worker, TenantId tenant, List<Lease> leases);

  /** Jobs leased to {@code worker} and RUNNING; empty when nothing is runnable now. */
  List<ClaimedJob> claim(String worker, ClaimRequest request);
}
