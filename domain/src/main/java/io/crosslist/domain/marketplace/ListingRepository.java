package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Out-port: a tenant's marketplace listings and the marketplace orders seen for them. */
public interface ListingRepository {

  Optional<MarketplaceListing> find(TenantId tenant, ProductId product, Marketplace marketplace);

  Optional<MarketplaceListing> findByExternalId(TenantId tenant, Marketplace marketplace, String externalId);

  /** Every listing of the product, one per marketplace it was ever published to, in marketplace order. */
  List<MarketplaceListing> listingsOf(TenantId tenant, ProductId product);

  /** Inserts or replaces the listing of (product, marketplace). */
  void save(TenantId tenant, MarketplaceListing listing);

  /**
   * Records an order once: false when the order (marketplace, external id) was recorded before.
   *
   * @param product the product the order's listing belongs to, or null when it is not one of ours
   */
  boolean recordOrder(TenantId tenant, Marketplace marketplace, MarketplaceOrder order, ProductId product);
}
