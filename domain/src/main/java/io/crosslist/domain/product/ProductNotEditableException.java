package io.crosslist.domain.product;

import io.crosslist.domain.DomainException;

/** Details of a SOLD or ARCHIVED product are final. */
public final class ProductNotEditableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ProductNotEditableException(ProductId id, ProductStatus status) {
    super("product " + id + " is " + status + " and can no longer be edited");
  }
}
