package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: one batch with its counts and derived status. */
public interface GetBatchUseCase {

  /** @throws io.crosslist.domain.job.BatchNotFoundException when there is no such batch */
  BatchJob get(TenantId tenant, BatchId batch);
}
