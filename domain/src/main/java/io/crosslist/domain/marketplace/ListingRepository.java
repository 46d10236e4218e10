package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Out-port: a tenant's marketplace listings (its orders are in {@link OrderRepository}). */
public interface ListingRepository {

  Optional<MarketplaceListing> find(TenantId tenant, ProductId product, Marketplace marketplace);

  Optional<MarketplaceListing> findByExternalId(TenantId tenant, Marketplace marketplace, String externalId);

  /** Every listing of the product, one per marketplace it was ever published to, in marketplace order. */
  List<MarketplaceListing> listingsOf(TenantId tenant, ProductId product);

  /** Inserts or replaces the listing of (product, marketplace). */
  void save(TenantId tenant, MarketplaceListing listing);
}
