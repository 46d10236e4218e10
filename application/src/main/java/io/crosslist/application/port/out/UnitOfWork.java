package io.crosslist.application.port.out;

import io.crosslist.domain.tenant.TenantId;
import java.util.function.Supplier;

/**
 * Out-port: runs several repository calls for one tenant as one transaction. Repository calls made
 * inside {@code work} for the same tenant join it; a call for another tenant is refused, so a
 * transaction never spans two tenants. Nested calls for the same tenant join the outer transaction.
 *
 * <pre>{@code
 * Product saved = unitOfWork.inTransaction(tenant, () -> {
 *   Product current = products.findById(tenant, id).orElseThrow(() -> new ProductNotFoundException(id));
 *   return products.update(tenant, current.changeStatus(ProductStatus.PUBLISHED, now));
 * });
 * }</pre>
 *
 * <p>When {@code work} throws, everything it wrote is rolled back and the exception propagates unchanged.
 */
public interface UnitOfWork {

  <T> T inTransaction(TenantId tenant, Supplier<T> work);
}
