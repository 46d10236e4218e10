package io.crosslist.domain.tenant;

/**
 * Out-port: removes a tenant entirely: its schema and everything the shared schema holds for it (registry row,
 * migration records, dispatch entries, connected-accounts index), in one transaction. Only a suspended tenant
 * is removed, so no request or job of it is served meanwhile; its id can then be provisioned again as a new,
 * empty tenant.
 */
public interface TenantRemoval {

  /**
   * @throws UnknownTenantException when the tenant is not registered
   * @throws TenantNotSuspendedException when it is active
   */
  void drop(TenantId tenant);
}
