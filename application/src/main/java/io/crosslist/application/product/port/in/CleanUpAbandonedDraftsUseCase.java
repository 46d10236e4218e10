package io.crosslist.application.product.port.in;

import io.crosslist.domain.tenant.TenantId;

/** In-port: deletes one tenant's drafts that nobody touched for a number of days. */
public interface CleanUpAbandonedDraftsUseCase {

  /**
   * @param olderThanDays drafts not updated for at least this many days go; 1 to 3,650
   * @return how many drafts were deleted
   */
  int cleanUp(TenantId tenant, int olderThanDays);
}
