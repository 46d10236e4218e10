package io.crosslist.application.product.port.in;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;
import java.util.OptionalLong;

/** In-port: moves a product along its lifecycle (publish, mark sold, archive). */
public interface ChangeProductStatusUseCase {

  /**
   * @throws io.crosslist.domain.product.IllegalStatusTransitionException when the lifecycle forbids it
   * @throws io.crosslist.domain.product.ProductNotFoundException when there is no such live product
   * @throws io.crosslist.domain.ConcurrentUpdateException when an expected version is given and not current
   */
  Product changeStatus(ChangeProductStatusCommand command);

  /** @param expectedVersion optional optimistic check; empty to change whatever version is current */
  record ChangeProductStatusCommand(TenantId tenant, ProductId product, ProductStatus target,
      OptionalLong expectedVersion) {
    public ChangeProductStatusCommand {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
  }
}
