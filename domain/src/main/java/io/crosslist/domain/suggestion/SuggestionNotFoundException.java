package io.crosslist.domain.suggestion;

import io.crosslist.domain.DomainException;
import io.crosslist.domain.product.ProductId;

/** No suggestion with this id for this product in the tenant's schema. */
public final class SuggestionNotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public SuggestionNotFoundException(ProductId product, SuggestionId id) {
    super("product " + product + " has no suggestion " + id);
  }
}
