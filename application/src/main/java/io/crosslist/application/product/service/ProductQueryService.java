package io.crosslist.application.product.service;

import io.crosslist.application.product.port.in.GetProductUseCase;
import io.crosslist.application.product.port.in.ListProductsUseCase;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.Page;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;

/** Read side of products: one product, or a page of a search. */
public final class ProductQueryService implements GetProductUseCase, ListProductsUseCase {
  private final ProductRepository products;

  public ProductQueryService(ProductRepository products) {
    this.products = Objects.requireNonNull(products, "products");
  }

  @Override
  public Product get(TenantId tenant, ProductId product) {
    return products.findById(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(product, "product"))
        .orElseThrow(() -> new ProductNotFoundException(product));
  }

  @Override
  public Page<Product> list(TenantId tenant, ProductSearch search) {
    return products.search(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(search, "search"));
  }
}
