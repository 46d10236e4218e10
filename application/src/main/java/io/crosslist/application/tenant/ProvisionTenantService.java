package io.crosslist.application.tenant;

import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantProvisioning.ProvisioningResult;
import java.util.Objects;

/** Provisions tenants through the provisioning out-port. */
public final class ProvisionTenantService implements ProvisionTenantUseCase {
  private final TenantProvisioning provisioning;

  public ProvisionTenantService(TenantProvisioning provisioning) {
    this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
  }

  @Override
  public ProvisioningResult provision(TenantId tenant) {
    return provisioning.provision(Objects.requireNonNull(tenant, "tenant"));
  }
}
