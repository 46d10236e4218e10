package io.crosslist.domain.marketplace;

import io.crosslist.domain.job.JobId;
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
 * @param withdrawal why and by which DELETE job Crosslist is taking it down (the product sold out elsewhere);
 *     null when it is not being withdrawn
 */
public record MarketplaceListing(ProductId product, Marketplace marketplace, String externalId, String url,
    ListingStatus status, Money listedPrice, Instant publishedAt, Instant soldAt, Instant removedAt,
    Instant updatedAt, Withdrawal withdrawal) {

  /** ACTIVE while listed, SOLD once sold there, DELETED once removed. */
  public enum ListingStatus { ACTIVE, SOLD, DELETED }

  /**
   * A listing Crosslist withdraws because its product sold out on another marketplace.
   *
   * @param job the DELETE job that removes it (follow it at {@code GET /jobs/{id}})
   * @param reason what sold it out, e.g. {@code sold out by EBAY order 123}
   */
  public record Withdrawal(JobId job, String reason, Instant requestedAt) {
    public Withdrawal {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(requestedAt, "requestedAt");
    }
  }

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
        null, at, null);
  }

  public MarketplaceListing deleted(Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, ListingStatus.DELETED, listedPrice,
        publishedAt, soldAt, now, now, withdrawal);
  }

  public MarketplaceListing sold(Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, ListingStatus.SOLD, listedPrice, publishedAt,
        now, removedAt, now, withdrawal);
  }

  /** The listing after an update on the marketplace, showing {@code price}. */
  public MarketplaceListing updated(Money price, Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, status, price, publishedAt, soldAt,
        removedAt, now, withdrawal);
  }

  /** The ACTIVE listing, being withdrawn by {@code job}. */
  public MarketplaceListing withdrawing(JobId job, String reason, Instant now) {
    return new MarketplaceListing(product, marketplace, externalId, url, status, listedPrice, publishedAt, soldAt,
        removedAt, now, new Withdrawal(job, reason, now));
  }
}
