package io.crosslist.application.tenant;

import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;

/**
 * In-port: suspends a tenant (its API requests are refused and its waiting jobs are not started; jobs
 * already running finish) or reactivates it. Setting the status a tenant already has changes nothing.
 */
public interface ChangeTenantStatusUseCase {

  /**
   * @return the tenant's registry entry after the change
   * @throws io.crosslist.domain.tenant.UnknownTenantException when the tenant was never provisioned
   */
  Tenant changeStatus(TenantId tenant, TenantStatus status);
}
