package io.crosslist.adapter.marketplace;

import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;

/**
 * A simulated Vinted keep-alive, for tests and demos (not a client of Vinted): a session whose cookies
 * contain {@code datadome=blocked} is refused, as Vinted's anti-bot layer refuses a flagged session;
 * {@code datadome=flaky} cannot be reached (retryable); any other session is kept alive.
 */
public final class SimulatedSessionKeepAlive implements SessionKeepAliveGateway, SimulatedGateway {

  @Override
  public Marketplace marketplace() {
    return Marketplace.VINTED;
  }

  @Override
  public void keepAlive(TenantId account, String externalAccountId, Secret cookies) {
    String header = cookies.reveal();
    if (header.contains("datadome=blocked")) {
      throw new MarketplaceException(Marketplace.VINTED, false, "403: the session was blocked by DataDome");
    }
    if (header.contains("datadome=flaky")) {
      throw new MarketplaceException(Marketplace.VINTED, true, "timeout calling Vinted");
    }
  }
}
