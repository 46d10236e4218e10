package io.crosslist.domain.connection;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;

/** Out-port: a marketplace's OAuth token endpoint (eBay, Etsy). */
public interface OAuthGateway {

  Marketplace marketplace();

  /**
   * Exchanges a refresh token for new tokens.
   *
   * @throws MarketplaceException not {@linkplain MarketplaceException#retryable() retryable} when the marketplace
   *     refused the refresh token (revoked, expired: the user must reconnect); retryable for timeouts and
   *     outages
   */
  OAuthTokens refresh(TenantId account, String externalAccountId, Secret refreshToken);
}
