package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A row of {@code marketplace_listings}. */
public final class ListingRow {
  public long productId;
  public String marketplace;
  public String externalId;
  public String url;
  public String status;
  public java.math.BigDecimal listedPriceAmount;
  public String listedPriceCurrency;
  public Instant publishedAt;
  public Instant soldAt;
  public Instant removedAt;
  public Instant updatedAt;
  public Long withdrawalJobId;
  public String withdrawalReason;
  public Instant withdrawalRequestedAt;

  static ListingRow of(MarketplaceListing listing) {
    ListingRow row = new ListingRow();
    row.productId = listing.product().value();
    row.marketplace = listing.marketplace().name();
    row.externalId = listing.externalId();
    row.url = listing.url();
    row.status = listing.status().name();
    if (listing.listedPrice() != null) {
      row.listedPriceAmount = listing.listedPrice().amount();
      row.listedPriceCurrency = listing.listedPrice().currency();
    }
    row.publishedAt = listing.publishedAt();
    row.soldAt = listing.soldAt();
    row.removedAt = listing.removedAt();
    row.updatedAt = listing.updatedAt();
    if (listing.withdrawal() != null) {
      row.withdrawalJobId = listing.withdrawal().job().value();
      row.withdrawalReason = listing.withdrawal().reason();
      row.withdrawalRequestedAt = listing.withdrawal().requestedAt().truncatedTo(ChronoUnit.MICROS);
    }
    return row;
  }

  MarketplaceListing toListing() {
    return new MarketplaceListing(ProductId.of(productId), Marketplace.of(marketplace), externalId, url,
        MarketplaceListing.ListingStatus.valueOf(status), listedPriceAmount == null ? null
            : new io.crosslist.domain.product.Money(listedPriceAmount, listedPriceCurrency.trim()), publishedAt, soldAt,
        removedAt, updatedAt, withdrawalJobId == null ? null : new MarketplaceListing.Withdrawal(
            JobId.of(withdrawalJobId), withdrawalReason, withdrawalRequestedAt));
  }
}
