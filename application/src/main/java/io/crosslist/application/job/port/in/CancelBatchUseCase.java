package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: cancel every pending job of a batch and ask its running ones to stop. */
public interface CancelBatchUseCase {

  /** @throws io.crosslist.domain.job.BatchNotFoundException when there is no such batch */
  BatchJob cancel(TenantId tenant, BatchId batch);
}
