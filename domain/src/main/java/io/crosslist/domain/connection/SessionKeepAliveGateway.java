package io.crosslist.domain.connection;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;

/**
 * Out-port: keeps a marketplace web session alive (Vinted: a light authenticated request, so that the
 * session and its DataDome cookie are not dropped as idle).
 */
public interface SessionKeepAliveGateway {

  Marketplace marketplace();

  /**
   * @throws MarketplaceException when the marketplace refused the session (not retryable: blocked or logged
   *     out) or could not be reached (retryable)
   */
  void keepAlive(TenantId account, String externalAccountId, Secret cookies);
}
