package io.crosslist.application.tenant;

import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning.ProvisioningResult;

/** In-port: makes a tenant ready to hold data (creates or upgrades its schema); safe to repeat. */
public interface ProvisionTenantUseCase {

  ProvisioningResult provision(TenantId tenant);
}
