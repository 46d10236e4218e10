package io.crosslist.domain.product;

import io.crosslist.domain.DomainException;

/** A reference code (brand, category, ...) that the shared reference data does not hold. */
public final class UnknownReferenceException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public UnknownReferenceException(String field, String code) {
    super(field + ": '" + code + "' is not a known " + field + " code");
    this.field = field;
  }

  /** The product field that holds the unknown code ({@code brand}, {@code category}, ...). */
  public String field() {
    return field;
  }
}
