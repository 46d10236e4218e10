package io.crosslist.application.job.handler;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The marketplace gateways a host provides, one per marketplace. */
public final class MarketplaceGateways {
  private final Map<Marketplace, MarketplaceGateway> byMarketplace = new LinkedHashMap<>();

  public MarketplaceGateways(Collection<? extends MarketplaceGateway> gateways) {
    for (MarketplaceGateway gateway : gateways) {
      if (byMarketplace.putIfAbsent(Objects.requireNonNull(gateway, "gateway").marketplace(), gateway) != null) {
        throw new IllegalArgumentException("two gateways for " + gateway.marketplace());
      }
    }
  }

  public Optional<MarketplaceGateway> find(Marketplace marketplace) {
    return Optional.ofNullable(byMarketplace.get(marketplace));
  }

  public Collection<MarketplaceGateway> all() {
    return byMarketplace.values();
  }
}
