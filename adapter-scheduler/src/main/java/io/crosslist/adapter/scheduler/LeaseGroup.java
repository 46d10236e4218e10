package io.crosslist.adapter.scheduler;

import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/** One tenant's jobs of one lease, started together by a handler thread of a {@link JobWorkerPool}. */
record LeaseGroup(TenantId tenant, List<Lease> leases) {}
