package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one product is listed on one marketplace, as Crosslist recorded it: one per (product,
 * marketplace).
 *
 * @param listedPrice the price the listing shows; null when the marketplace did not say
 * @param publishedAt when it was listed
 * @param soldAt when it sold; null unless SOLD
 * @param removedAt when it was taken down; null unless DELETED
 */
public record MarketplaceListing(ProductId product, Marketplace marketplace, String externalId, String url,
    ListingStatus status, Money listedPrice, Instant publishedAt, Instant soldAt, Instant removedAt,
    Instant updatedAt) {

  /** ACTIVE while listed, SOLD once sold there, DELETED once removed. */
  public enum ListingStatus { ACTIVE, SOLD, DELETED }

  public MarketplaceListing {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A listing just published at {@code at}. */
  public static MarketplaceListing published(ProductId product, Marketplace marketplace, String externalId, String url,
      Money listedPrice, Instant at) {
    return new MarketplaceListing(product, marketplace, externalId, url, ListingStatus.ACTIVE, listedPrice, at, null,
        null, at);
  }

  public MarketplaceListing deleted(Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, ListingStatus.DELETED, listedPrice,
        publishedAt, soldAt, now, now);
  }

  public MarketplaceListing sold(Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, ListingStatus.SOLD, listedPrice, publishedAt,
        now, removedAt, now);
  }

  /** The listing after an update on the marketplace, showing {@code price}. */
  public MarketplaceListing updated(Money price, Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, status, price, publishedAt, soldAt,
        removedAt, now);
  }
}
