package io.crosslist.domain.product;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The product aggregate: what a reseller sells, its lifecycle and its optimistic version. Immutable:
 * every change returns a new instance, which the repository stores against the version it was read
 * with.
 */
public final class Product {
  private final ProductId id;
  private final ProductDetails details;
  private final String sku;
  private final ProductStatus status;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Product(ProductId id, ProductDetails details, String sku, ProductStatus status, Instant createdAt,
      Instant updatedAt, long version) {
    this.id = id;
    this.details = Objects.requireNonNull(details, "details");
    this.sku = sku == null ? null : ProductSku.require(sku);
    this.status = Objects.requireNonNull(status, "status");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /** A new draft, not yet stored: it gets its id from the repository. */
  public static Product newDraft(ProductDetails details, Instant now) {
    Instant at = storable(now);
    return new Product(null, details, null, ProductStatus.DRAFT, at, at, 0);
  }

  /**
   * A new draft with a stock keeping unit (unique among the tenant's live products), not yet stored.
   *
   * @throws io.crosslist.domain.ValidationException when {@code sku} breaks {@link ProductSku}'s rule
   */
  public static Product newDraft(ProductDetails details, String sku, Instant now) {
    Instant at = storable(now);
    return new Product(null, details, ProductSku.require(sku), ProductStatus.DRAFT, at, at, 0);
  }

  /** Rebuilds a stored product; for repositories only. */
  public static Product reconstitute(ProductId id, ProductDetails details, ProductStatus status,
      Instant createdAt, Instant updatedAt, long version) {
    return reconstitute(id, details, null, status, createdAt, updatedAt, version);
  }

  /** Rebuilds a stored product with its SKU (null when it has none); for repositories only. */
  public static Product reconstitute(ProductId id, ProductDetails details, String sku, ProductStatus status,
      Instant createdAt, Instant updatedAt, long version) {
    return new Product(Objects.requireNonNull(id, "id"), details, sku, status, createdAt, updatedAt, version);
  }

  /** The same product with new details. */
  public Product withDetails(ProductDetails newDetails, Instant now) {
    if (!status.isEditable()) {
      throw new ProductNotEditableException(id, status);
    }
    return new Product(id, newDetails, sku, status, createdAt, storable(now), version);
  }

  /** The same product in {@code target} status; rejects transitions the lifecycle does not allow. */
  public Product changeStatus(ProductStatus target, Instant now) {
    Objects.requireNonNull(target, "target");
    if (!status.canBecome(target)) {
      throw new IllegalStatusTransitionException(id, status, target);
    }
    return new Product(id, details, sku, target, createdAt, storable(now), version);
  }

  /** Whether the repository has stored this product yet. */
  public boolean isStored() {
    return id != null;
  }

  /** The id; a product that is not stored yet has none. */
  public ProductId id() {
    if (id == null) {
      throw new IllegalStateException("a product gets its id when it is first stored");
    }
    return id;
  }

  public ProductDetails details() {
    return details;
  }

  /** The stock keeping unit, unique among the tenant's live products; null when the product has none. */
  public String sku() {
    return sku;
  }

  public ProductStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The version this instance was read with (0 for a new product); the store increments it on update. */
  public long version() {
    return version;
  }

  // PostgreSQL keeps microseconds; trimming here makes a stored product equal to the one written.
  private static Instant storable(Instant now) {
    return Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Product p && Objects.equals(id, p.id) && details.equals(p.details)
        && Objects.equals(sku, p.sku) && status == p.status && createdAt.equals(p.createdAt) && updatedAt.equals(p.updatedAt)
        && version == p.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, details, sku, status, createdAt, updatedAt, version);
  }

  @Override
  public String toString() {
    return "Product[id=" + id + ", title=" + details.title() + ", status=" + status + ", version=" + version + "]";
  }
}
