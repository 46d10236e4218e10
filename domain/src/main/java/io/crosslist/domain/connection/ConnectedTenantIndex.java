package io.crosslist.domain.connection;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/**
 * Out-port: which tenants have a CONNECTED account on a marketplace, for the schedulers that serve
 * them (keep-alives, polling, token refresh). Answered from a shared index kept in the same
 * transaction as the connections, never by scanning tenant schemas.
 */
public interface ConnectedTenantIndex {

  /**
   * One page of tenants, in id order.
   *
   * @param after the last tenant of the previous page; null for the first page
   * @param limit 1 to 10,000
   */
  List<TenantId> tenantsConnectedTo(Marketplace marketplace, TenantId after, int limit);
}
