package io.crosslist.application.product.service;

import io.crosslist.application.product.port.in.CreateProductUseCase;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.util.Objects;

/** Creates products as drafts. */
public final class CreateProductService implements CreateProductUseCase {
  private final ProductRepository products;
  private final Clock clock;

  public CreateProductService(ProductRepository products, Clock clock) {
    this.products = Objects.requireNonNull(products, "products");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Product create(CreateProductCommand command) {
    return products.add(command.tenant(), Product.newDraft(command.details(), clock.instant()));
  }
}
