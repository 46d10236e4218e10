package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: run a FAILED job again, with a fresh set of attempts. */
public interface RetryJobUseCase {

  /**
   * @throws io.crosslist.domain.job.JobNotFoundException when there is no such job
   * @throws io.crosslist.domain.job.IllegalJobTransitionException when the job is not FAILED
   */
  MarketplaceJob retry(TenantId tenant, JobId job);
}
