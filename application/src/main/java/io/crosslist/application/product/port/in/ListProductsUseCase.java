package io.crosslist.application.product.port.in;

import io.crosslist.domain.Page;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.tenant.TenantId;

/** In-port: lists and searches a tenant's products page by page (keyset pagination). */
public interface ListProductsUseCase {

  Page<Product> list(TenantId tenant, ProductSearch search);
}
