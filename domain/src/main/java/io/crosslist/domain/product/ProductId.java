package io.crosslist.domain.product;

/** Identity of a product inside its tenant's schema (ids repeat across tenants). */
public record ProductId(long value) {
  public ProductId {
    if (value <= 0) {
      throw new IllegalArgumentException("product id must be positive, got " + value);
    }
  }

  public static ProductId of(long value) {
    return new ProductId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
