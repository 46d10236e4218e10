package io.crosslist.application.tenant;

import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import java.util.Optional;

/** In-port: one tenant's registry entry (status and schema version). */
public interface GetTenantUseCase {

  /** The tenant's entry, empty when it was never provisioned. */
  Optional<Tenant> find(TenantId tenant);
}
