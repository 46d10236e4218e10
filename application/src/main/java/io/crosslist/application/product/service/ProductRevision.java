package io.crosslist.application.product.service;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * The one load, version-check and update path of the product services: in one transaction, loads
 * the product, refuses it when the caller's expected version is no longer current, and stores
 * what the change makes of it.
 */
record ProductRevision(ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
  ProductRevision {
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param expectedVersion the version the caller read; empty to change whatever version is current
   * @param change the new state of the product, from the current one and the time of the change
   * @throws ProductNotFoundException when the tenant has no such product
   * @throws ConcurrentUpdateException when {@code expectedVersion} is not the current version
   */
  Product revise(TenantId tenant, ProductId id, OptionalLong expectedVersion,
      BiFunction<Product, Instant, Product> change) {
    return unitOfWork.inTransaction(tenant, () -> {
      Product current = products.findById(tenant, id).orElseThrow(() -> new ProductNotFoundException(id));
      if (expectedVersion.isPresent() && current.version() != expectedVersion.getAsLong()) {
        throw new ConcurrentUpdateException("product", id, expectedVersion.getAsLong());
      }
      return products.update(tenant, change.apply(current, clock.instant()));
    });
  }
}
