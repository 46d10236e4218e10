package io.crosslist.domain.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Out-port: the shared tenant registry, read page by page. Answers from the registry table, never
 * by scanning the database catalogs, so its cost does not grow with the number of schemas.
 */
public interface TenantDirectory {

  /**
   * Active tenants in ascending id order.
   *
   * @param after exclusive lower bound (the last tenant of the previous page), empty for the first page
   * @param limit page size, 1 to 10,000
   */
  List<TenantId> activeTenants(Optional<TenantId> after, int limit);

  /**
   * Every provisioned tenant, active or suspended, in ascending id order.
   *
   * @param after exclusive lower bound (the last tenant of the previous page), empty for the first page
   * @param limit page size, 1 to 10,000
   */
  List<Tenant> tenants(Optional<TenantId> after, int limit);

  /** The registry entry of one tenant, empty when it was never provisioned. */
  Optional<Tenant> find(TenantId tenant);
}
