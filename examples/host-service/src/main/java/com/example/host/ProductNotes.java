package com.example.host;

import io.crosslist.adapter.persistence.TenantMappers;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.product.port.in.GetProductUseCase;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.util.List;

/** The host's own feature: private notes on a reseller's products, kept in the host's own tenant table. */
public final class ProductNotes {
  private final UnitOfWork unitOfWork;
  private final GetProductUseCase products;
  private final TenantMappers mappers;

  @Inject
  public ProductNotes(UnitOfWork unitOfWork, GetProductUseCase products, TenantMappers mappers) {
    this.unitOfWork = unitOfWork;
    this.products = products;
    this.mappers = mappers;
  }

  /** Adds a note to one of the tenant's products, in one transaction with Crosslist's read of the product. */
  public void add(TenantId tenant, ProductId product, String body) {
    unitOfWork.inTransaction(tenant, () -> {
      products.get(tenant, product); // Crosslist's in-port: an unknown product is refused, nothing is written
      return mappers.call(tenant, ProductNoteMapper.class, m -> m.insert(tenant, product.value(), body));
    });
  }

  public List<String> of(TenantId tenant, ProductId product) {
    return mappers.call(tenant, ProductNoteMapper.class, m -> m.bodies(tenant, product.value()));
  }
}
