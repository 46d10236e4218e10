package io.crosslist.application.product.port.in;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;

/** In-port: reads one live product. */
public interface GetProductUseCase {

  /** @throws io.crosslist.domain.product.ProductNotFoundException when there is no such live product */
  Product get(TenantId tenant, ProductId product);
}
