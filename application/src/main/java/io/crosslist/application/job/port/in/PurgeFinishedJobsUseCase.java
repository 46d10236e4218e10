package io.crosslist.application.job.port.in;

import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;

/** In-port: retention. Deletes a tenant's jobs that ended longer ago than {@code retention}, with their tasks. */
public interface PurgeFinishedJobsUseCase {

  /**
   * @param retention at least one hour
   * @return how many jobs were deleted
   */
  int purgeFinished(TenantId tenant, Duration retention);
}
