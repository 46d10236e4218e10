package io.crosslist.application.product.port.in;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;

/** In-port: replaces a product's details if the caller saw its current version. */
public interface UpdateProductUseCase {

  /**
   * @throws io.crosslist.domain.product.ProductNotFoundException when there is no such live product
   * @throws io.crosslist.domain.ConcurrentUpdateException when {@code expectedVersion} is not current
   * @throws io.crosslist.domain.product.ProductNotEditableException when the product is SOLD or ARCHIVED
   */
  Product update(UpdateProductCommand command);

  /** @param expectedVersion the version the caller read; the update is refused when it moved on */
  record UpdateProductCommand(TenantId tenant, ProductId product, long expectedVersion, ProductDetails details) {
    public UpdateProductCommand {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(details, "details");
      if (expectedVersion < 0) {
        throw ValidationException.of("version", "must be zero or more");
      }
    }
  }
}
