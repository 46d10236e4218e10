package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: enqueue one marketplace job (e.g. publish product P to Vinted). Idempotent by key. */
public interface EnqueueJobUseCase {

  MarketplaceJob enqueue(TenantId tenant, JobRequest request);
}
