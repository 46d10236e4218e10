package io.crosslist.domain.tenant;

import java.util.Optional;

/**
 * Out-port: suspends and reactivates tenants in the shared registry. A suspended tenant keeps its
 * schema and data; the job engine leases none of its waiting jobs until it is active again.
 */
public interface TenantSuspension {

  /**
   * Sets the tenant's status (a no-op when it already has it).
   *
   * @return the registry entry after the change, empty when the tenant was never provisioned
   */
  Optional<Tenant> changeStatus(TenantId tenant, TenantStatus status);
}
