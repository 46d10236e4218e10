package io.crosslist.application.product.service;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.util.Objects;

/** Applies lifecycle transitions; the aggregate decides which ones are legal. */
public final class ChangeProductStatusService implements ChangeProductStatusUseCase {
  private final ProductRepository products;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public ChangeProductStatusService(ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
    this.products = Objects.requireNonNull(products, "products");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Product changeStatus(ChangeProductStatusCommand command) {
    return unitOfWork.inTransaction(command.tenant(), () -> {
      Product current = products.findById(command.tenant(), command.product())
          .orElseThrow(() -> new ProductNotFoundException(command.product()));
      command.expectedVersion().ifPresent(expected -> {
        if (current.version() != expected) {
          throw new ConcurrentUpdateException("product", command.product(), expected);
        }
      });
      return products.update(command.tenant(), current.changeStatus(command.target(), clock.instant()));
    });
  }
}
