package io.crosslist.domain.marketplace;

/**
 * Where a recorded marketplace order stands: {@code RECEIVED -> ACCEPTED | OVERSOLD | UNMATCHED}, each of the
 * last three final.
 */
public enum OrderStatus {
  /** Polled from the marketplace, its job not run yet: nothing was taken from the stock. */
  RECEIVED,
  /** Its quantity came off the product's stock. */
  ACCEPTED,
  /**
   * The product had less stock than the order asked for (it sold out on another marketplace, was archived or
   * deleted): the order cannot be fulfilled and the reseller cancels it on its marketplace.
   */
  OVERSOLD,
  /** Its listing is not one of the tenant's products: nothing to take. */
  UNMATCHED;

  /** Whether the order was applied to the stock (or found to need nothing). */
  public boolean isSettled() {
    return this != RECEIVED;
  }
}
