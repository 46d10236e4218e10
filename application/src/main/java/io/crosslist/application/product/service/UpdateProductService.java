package io.crosslist.application.product.service;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.util.Objects;

/** Replaces product details under optimistic locking. */
public final class UpdateProductService implements UpdateProductUseCase {
  private final ProductRepository products;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public UpdateProductService(ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
    this.products = Objects.requireNonNull(products, "products");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Product update(UpdateProductCommand command) {
    return unitOfWork.inTransaction(command.tenant(), () -> {
      Product current = products.findById(command.tenant(), command.product())
          .orElseThrow(() -> new ProductNotFoundException(command.product()));
      if (current.version() != command.expectedVersion()) {
        throw new ConcurrentUpdateException("product", command.product(), command.expectedVersion());
      }
      return products.update(command.tenant(), current.withDetails(command.details(), clock.instant()));
    });
  }
}
