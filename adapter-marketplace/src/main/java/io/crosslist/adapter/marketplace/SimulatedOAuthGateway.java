package io.crosslist.adapter.marketplace;

import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A simulated OAuth token endpoint, for tests and demos (not a client of any real marketplace): every
 * refresh returns a new access token valid for two hours and keeps the refresh token; a refresh token
 * that starts with {@code revoked} is refused, as a marketplace refuses a revoked grant.
 */
public final class SimulatedOAuthGateway implements OAuthGateway, SimulatedGateway {
  private final Marketplace marketplace;
  private final Clock clock;

  public SimulatedOAuthGateway(Marketplace marketplace, Clock clock) {
    if (Marketplace.VINTED.equals(marketplace)) {
      throw new IllegalArgumentException("Vinted has no OAuth: it connects with a web session");
    }
    this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Marketplace marketplace() {
    return marketplace;
  }

  @Override
  public OAuthTokens refresh(TenantId account, String externalAccountId, Secret refreshToken) {
    if (refreshToken.reveal().startsWith("revoked")) {
      throw new MarketplaceException(marketplace, false, "invalid_grant: the refresh token was revoked");
    }
    return new OAuthTokens(Secret.of("accessToken", "simulated-" + UUID.randomUUID()), refreshToken,
        clock.instant().plus(Duration.ofHours(2)), Set.of("simulated"));
  }
}
