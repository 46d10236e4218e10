package io.crosslist.domain.tenant;

import io.crosslist.domain.tenant.TenantProvisioning.ProvisioningResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Out-port: keeps tenant schemas at this build's versions. Each migration track (Crosslist's own and any a
 * host registers) has versions; the registry records each tenant's version per track, so the tenants behind
 * this build are found with one query, without reading any tenant schema.
 */
public interface TenantMigration {

  /** This build's newest version of each track, by track name, in the order tracks are applied. */
  Map<String, Integer> versions();

  /**
   * The registered tenants behind this build in some track, ascending by id.
   *
   * @param after the last tenant of the previous page, or empty for the first page
   * @param limit the page size, 1 or more
   */
  List<TenantId> behind(Optional<TenantId> after, int limit);

  /** Whether {@code tenant} is registered and at this build's version of every track (one registry query). */
  boolean isCurrent(TenantId tenant);

  /**
   * Brings {@code tenant} to this build's versions of every track, in one transaction of its own; waits
   * only briefly for the locks it needs and tries again with backoff when they are busy.
   *
   * @throws UnknownTenantException when the tenant is not registered
   * @throws IllegalStateException when a script fails or an applied script has changed (the cause says which)
   */
  ProvisioningResult migrate(TenantId tenant);
}
