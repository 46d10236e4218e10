package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.util.Objects;

/** Where one product is listed on one marketplace, as Crosslist recorded it. */
public record MarketplaceListing(ProductId product, Marketplace marketplace, String externalId, String url,
    ListingStatus status, Instant updatedAt) {

  /** ACTIVE while listed, DELETED once removed. */
  public enum ListingStatus { ACTIVE, DELETED }

  public MarketplaceListing {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public MarketplaceListing deleted(Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, ListingStatus.DELETED, now);
  }

  public MarketplaceListing touched(Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, status, now);
  }
}
