package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: cancel a job: a pending one ends CANCELLED, a running one is asked to stop. */
public interface CancelJobUseCase {

  /**
   * @throws io.crosslist.domain.job.JobNotFoundException when there is no such job
   * @throws io.crosslist.domain.job.IllegalJobTransitionException when the job already ended
   */
  MarketplaceJob cancel(TenantId tenant, JobId job);
}
