package io.crosslist.application.job.handler;

import io.crosslist.domain.UniqueIndex;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The marketplace gateways in use, one per marketplace (a second one for a marketplace is refused). */
public final class MarketplaceGateways {
  private final UniqueIndex<Marketplace, MarketplaceGateway> byMarketplace;

  /** @throws IllegalArgumentException when two gateways are for one marketplace, naming both */
  public MarketplaceGateways(Collection<? extends MarketplaceGateway> gateways) {
    this.byMarketplace = UniqueIndex.of("marketplace gateways", gateways, MarketplaceGateway::marketplace);
  }

  public Optional<MarketplaceGateway> find(Marketplace marketplace) {
    return byMarketplace.find(marketplace);
  }

  /** The gateways, in the order they were given. */
  public List<MarketplaceGateway> all() {
    return byMarketplace.values();
  }
}
