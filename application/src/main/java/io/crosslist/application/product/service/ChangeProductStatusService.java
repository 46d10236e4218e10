package io.crosslist.application.product.service;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;

/** Applies lifecycle transitions; the aggregate decides which ones are legal. */
public final class ChangeProductStatusService implements ChangeProductStatusUseCase {
  private final ProductRevision revision;

  public ChangeProductStatusService(ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
    this.revision = new ProductRevision(products, unitOfWork, clock);
  }

  @Override
  public Product changeStatus(ChangeProductStatusCommand command) {
    return revision.revise(command.tenant(), command.product(), command.expectedVersion(),
        (current, now) -> current.changeStatus(command.target(), now));
  }
}
