package io.crosslist.application.product.port.in;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;

/** In-port: a reseller creates a product; it starts as a DRAFT. */
public interface CreateProductUseCase {

  /**
   * @throws io.crosslist.domain.product.UnknownReferenceException when a reference code does not exist
   */
  Product create(CreateProductCommand command);

  /** @param tenant the owner  @param details what the product is (already validated) */
  record CreateProductCommand(TenantId tenant, ProductDetails details) {
    public CreateProductCommand {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(details, "details");
    }
  }
}
