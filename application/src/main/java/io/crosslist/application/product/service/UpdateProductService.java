package io.crosslist.application.product.service;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.util.OptionalLong;

/** Replaces product details under optimistic locking. */
public final class UpdateProductService implements UpdateProductUseCase {
  private final ProductRevision revision;

  public UpdateProductService(ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
    this.revision = new ProductRevision(products, unitOfWork, clock);
  }

  @Override
  public Product update(UpdateProductCommand command) {
    return revision.revise(command.tenant(), command.product(), OptionalLong.of(command.expectedVersion()),
        (current, now) -> current.withDetails(command.details(), now));
  }
}
