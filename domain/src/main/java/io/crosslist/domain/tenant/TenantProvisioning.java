package io.crosslist.domain.tenant;

/**
 * Out-port: creates a tenant's schema and brings it to the newest tenant migration. Idempotent:
 * provisioning a current tenant changes nothing. All or nothing: a failure leaves no trace.
 */
public interface TenantProvisioning {

  /** Provisions or upgrades {@code tenant}; returns what was done. */
  ProvisioningResult provision(TenantId tenant);

  /**
   * What one provisioning call did.
   *
   * @param tenant the tenant
   * @param created true when this call registered the tenant and created its schema
   * @param fromVersion schema version before the call (0 for a new tenant)
   * @param toVersion schema version after the call
   */
  record ProvisioningResult(TenantId tenant, boolean created, int fromVersion, int toVersion) {
    /** True when the tenant was already current and nothing was written. */
    public boolean noOp() {
      return !created && fromVersion == toVersion;
    }
  }
}
