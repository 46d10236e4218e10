package io.crosslist.domain.product;

import io.crosslist.domain.DomainException;

/** A status change the product lifecycle does not allow, e.g. SOLD to DRAFT. */
public final class IllegalStatusTransitionException extends DomainException {
  private static final long serialVersionUID = 1L;

  public IllegalStatusTransitionException(ProductId id, ProductStatus from, ProductStatus to) {
    super("product " + (id == null ? "(new)" : id) + " cannot go from " + from + " to " + to);
  }
}
