package io.crosslist.application.connection.port.in;

import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/** In-port: where one of the tenant's products is listed, one entry per marketplace. */
public interface GetProductListingsUseCase {

  /** @throws io.crosslist.domain.product.ProductNotFoundException when the tenant has no such live product */
  List<MarketplaceListing> listings(TenantId tenant, ProductId product);
}
