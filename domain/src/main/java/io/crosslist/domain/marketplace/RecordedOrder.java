package io.crosslist.domain.marketplace;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.util.Objects;

/**
 * A marketplace order as Crosslist recorded it: once per (marketplace, external id), whichever sync saw it.
 *
 * @param id its position among the tenant's orders
 * @param listingExternalId the listing it came through; null for orders recorded before Crosslist kept it
 * @param product the product its listing belongs to; null until settled, and for UNMATCHED orders
 * @param job the SYNC_ORDERS job that settled it, or null
 * @param settledAt when it left RECEIVED; null while RECEIVED
 */
public record RecordedOrder(long id, Marketplace marketplace, String externalId, String listingExternalId,
    ProductId product, int quantity, Money total, Instant orderedAt, OrderStatus status, JobId job,
    Instant receivedAt, Instant settledAt) {

  public RecordedOrder {
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(orderedAt, "orderedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** Whether the reseller must cancel it: the product had sold out when it arrived. */
  public boolean oversold() {
    return status == OrderStatus.OVERSOLD;
  }

}
