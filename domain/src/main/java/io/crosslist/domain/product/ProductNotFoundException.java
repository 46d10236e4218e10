package io.crosslist.domain.product;

import io.crosslist.domain.DomainException;

/** No live (not deleted) product with this id in the tenant's schema. */
public final class ProductNotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ProductNotFoundException(ProductId id) {
    super("product " + id + " does not exist");
  }
}
