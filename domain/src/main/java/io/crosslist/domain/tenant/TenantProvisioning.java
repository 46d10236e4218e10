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
   * @param scriptsApplied migration scripts this call applied, over every track (Crosslist's own and the host's)
   */
  record ProvisioningResult(TenantId tenant, boolean created, int fromVersion, int toVersion, int scriptsApplied) {
    /** A result whose only track is Crosslist's own: the scripts applied are its versions crossed. */
    public ProvisioningResult(TenantId tenant, boolean created, int fromVersion, int toVersion) {
      this(tenant, created, fromVersion, toVersion, toVersion - fromVersion);
    }

    /** True when the tenant was already current in every track and nothing was written. */
    public boolean noOp() {
      return !created && scriptsApplied == 0;
    }
  }
}
