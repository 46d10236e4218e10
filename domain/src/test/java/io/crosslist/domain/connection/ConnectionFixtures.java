package io.crosslist.domain.connection;

import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;
import java.util.Set;

/** Connections for tests; the secrets are recognisable so a test can look for them in storage. */
public final class ConnectionFixtures {
  public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private ConnectionFixtures() {}

  public static OAuthTokens tokens(String tag, Instant expiresAt) {
    return new OAuthTokens(Secret.of("accessToken", "access-" + tag), Secret.of("refreshToken", "refresh-" + tag),
        expiresAt, Set.of("sell.inventory", "sell.account"));
  }

  public static MarketplaceConnection ebay(String tag) {
    return MarketplaceConnection.withTokens(Marketplace.EBAY, "ebay-account-" + tag, "eBay " + tag,
        tokens(tag, NOW.plusSeconds(7_200)), NOW);
  }

  public static MarketplaceConnection etsy(String tag) {
    return MarketplaceConnection.withTokens(Marketplace.ETSY, "etsy-shop-" + tag, "Etsy " + tag,
        tokens(tag, NOW.plusSeconds(3_600)), NOW);
  }

  public static MarketplaceConnection vinted(String tag) {
    return MarketplaceConnection.withSession("vinted-member-" + tag, "Vinted " + tag,
        new WebSession(Secret.of("cookies", "_vinted_fr_session=session-" + tag + "; datadome=dd-" + tag), null), NOW);
  }
}
