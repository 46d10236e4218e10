package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * An order placed on a marketplace for one of the account's listings.
 *
 * @param externalId the order's id on the marketplace
 * @param listingExternalId the listing that sold
 * @param quantity items sold, 1 or more
 */
public record MarketplaceOrder(String externalId, String listingExternalId, int quantity, Money total,
    Instant orderedAt) {
  public MarketplaceOrder {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(listingExternalId, "listingExternalId");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(orderedAt, "orderedAt");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be 1 or more, got " + quantity);
    }
  }
}
