package io.crosslist.application.tenant;

import io.crosslist.domain.tenant.TenantId;

/**
 * In-port: removes a suspended tenant and everything Crosslist holds for it, in one transaction; its id can
 * then be provisioned again as a new, empty tenant.
 */
public interface DropTenantUseCase {

  /**
   * @throws io.crosslist.domain.tenant.UnknownTenantException when it is not provisioned
   * @throws io.crosslist.domain.tenant.TenantNotSuspendedException when it is active
   */
  void drop(TenantId tenant);
}
