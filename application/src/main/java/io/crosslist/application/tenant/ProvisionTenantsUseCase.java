package io.crosslist.application.tenant;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/**
 * In-port: provisions many tenants, a few at a time. Idempotent and resumable: a tenant that already exists
 * is brought up to date instead (nothing, when it is current), so an interrupted run is simply run again.
 */
public interface ProvisionTenantsUseCase {

  /**
   * @param tenants the tenants, in the order they are provisioned
   * @param parallelism tenants provisioned at once, 1 to 64
   */
  RunSummary provision(List<TenantId> tenants, int parallelism, SweepProgress progress);
}
