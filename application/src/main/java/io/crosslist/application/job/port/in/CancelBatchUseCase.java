package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.tenant.TenantId;

/** In-port: cancel every pending job of a batch and ask its running ones to stop. */
public interface CancelBatchUseCase {

  /**
   * Succeeds whatever the workers are doing with the batch's jobs: jobs not started yet never start, running
   * ones are asked to stop. Runs in several short transactions; if it fails midway (the database went away),
   * calling it again finishes it.
   *
   * @return the batch after the cancel, its counts exact
   * @throws io.crosslist.domain.job.BatchNotFoundException when there is no such batch
   */
  BatchJob cancel(TenantId tenant, BatchId batch);
}
