package io.crosslist.application.product.service;

import io.crosslist.application.product.port.in.DeleteProductUseCase;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.util.Objects;

/** Soft-deletes products. */
public final class DeleteProductService implements DeleteProductUseCase {
  private final ProductRepository products;
  private final Clock clock;

  public DeleteProductService(ProductRepository products, Clock clock) {
    this.products = Objects.requireNonNull(products, "products");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void delete(TenantId tenant, ProductId product) {
    if (!products.softDelete(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(product, "product"),
        clock.instant())) {
      throw new ProductNotFoundException(product);
    }
  }
}
