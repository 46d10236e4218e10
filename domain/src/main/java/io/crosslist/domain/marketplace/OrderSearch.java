package io.crosslist.domain.marketplace;

import io.crosslist.domain.PageCursor;
import io.crosslist.domain.StorableTime;
import io.crosslist.domain.Violations;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;

/**
 * One page of a tenant's recorded orders, newest order first (by the time it was placed), within
 * {@code [since, until)}. Every filter is optional (null); set filters are combined with AND.
 *
 * @param marketplace only orders placed on this marketplace
 * @param product only orders of this product
 * @param since earliest order time included
 * @param until first order time excluded
 * @param oversold true for only the oversold orders, false for only the others
 * @param after the cursor of the previous page, or null for the first
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record OrderSearch(Marketplace marketplace, ProductId product, Instant since, Instant until, Boolean oversold,
    PageCursor after, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public OrderSearch {
    Violations v = new Violations()
        .require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
        .require(since == null || until == null || since.isBefore(until), "since", "must be before until");
    StorableTime.check(v, "since", since);
    StorableTime.check(v, "until", until);
    v.throwIfAny();
  }

  /** The newest {@value #DEFAULT_LIMIT} orders. */
  public static OrderSearch firstPage() {
    return new OrderSearch(null, null, null, null, null, null, DEFAULT_LIMIT);
  }

  public OrderSearch forProduct(ProductId id) {
    return new OrderSearch(marketplace, id, since, until, oversold, after, limit);
  }

  public OrderSearch onlyOversold(Boolean flag) {
    return new OrderSearch(marketplace, product, since, until, flag, after, limit);
  }

  public OrderSearch after(PageCursor cursor) {
    return new OrderSearch(marketplace, product, since, until, oversold, cursor, limit);
  }

  public OrderSearch withLimit(int newLimit) {
    return new OrderSearch(marketplace, product, since, until, oversold, after, newLimit);
  }
}
