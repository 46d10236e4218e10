package io.crosslist.application.connection.port.in;

import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.tenant.TenantId;

/**
 * In-port: records where a product is listed on a marketplace (e.g. a listing found by a sync, or made
 * outside Crosslist). One listing per (product, marketplace): recording again replaces it.
 */
public interface RecordListingUseCase {

  /** @throws io.crosslist.domain.product.ProductNotFoundException when the tenant has no such live product */
  MarketplaceListing record(TenantId tenant, MarketplaceListing listing);
}
