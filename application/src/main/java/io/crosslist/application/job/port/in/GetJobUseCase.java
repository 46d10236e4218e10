package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: one job, with its progress while it runs. */
public interface GetJobUseCase {

  /** @throws io.crosslist.domain.job.JobNotFoundException when there is no such job */
  MarketplaceJob get(TenantId tenant, JobId job);
}
