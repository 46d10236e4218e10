package io.crosslist.application.connection.port.in;

import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;

/** In-port: a reseller connects a marketplace account; its credentials are stored encrypted. */
public interface ConnectMarketplaceUseCase {

  /**
   * @throws io.crosslist.domain.connection.ConnectionAlreadyExistsException when an account of that marketplace
   *     is connected already (not revoked)
   * @throws io.crosslist.domain.ValidationException when the credentials do not fit the marketplace
   */
  ConnectionView connect(ConnectCommand command);

  /**
   * @param tokens OAuth tokens, for eBay and Etsy; null for Vinted
   * @param sessionCookies the web session's cookie header, for Vinted; null for eBay and Etsy
   */
  record ConnectCommand(TenantId tenant, Marketplace marketplace, String externalAccountId, String displayName,
      OAuthTokens tokens, Secret sessionCookies) {
    public ConnectCommand {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(marketplace, "marketplace");
    }
  }
}
