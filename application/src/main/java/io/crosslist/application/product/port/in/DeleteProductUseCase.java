package io.crosslist.application.product.port.in;

import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;

/** In-port: soft-deletes a product; it disappears from every read. */
public interface DeleteProductUseCase {

  /** @throws io.crosslist.domain.product.ProductNotFoundException when there is no such live product */
  void delete(TenantId tenant, ProductId product);
}
