package io.crosslist.domain.product;

import io.crosslist.domain.PageCursor;
import io.crosslist.domain.Violations;
import java.math.BigDecimal;

/**
 * One page of a product search. Every filter is optional (null); set filters are combined with AND.
 *
 * @param status only products in this status
 * @param brand only this brand code
 * @param category only this category code
 * @param text only products whose title contains this text, ignoring case (1 to 200 characters)
 * @param minPrice only products priced at least this amount (any currency)
 * @param maxPrice only products priced at most this amount (any currency)
 * @param after continue after this cursor; null for the first page
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record ProductSearch(
    ProductStatus status,
    String brand,
    String category,
    String text,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    PageCursor after,
    int limit) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public ProductSearch {
    text = text == null || text.isBlank() ? null : text.strip();
    Violations v = new Violations();
    v.require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
    v.require(text == null || text.length() <= 200, "text", "must be at most 200 characters");
    for (var price : new Object[][] {{"minPrice", minPrice}, {"maxPrice", maxPrice}}) {
      BigDecimal value = (BigDecimal) price[1];
      v.require(value == null || value.signum() >= 0, (String) price[0], "must not be negative");
      v.require(value == null || value.compareTo(Money.MAX_AMOUNT) <= 0, (String) price[0],
          "must be at most " + Money.MAX_AMOUNT.toPlainString());
    }
    v.require(minPrice == null || maxPrice == null || minPrice.compareTo(maxPrice) <= 0, "maxPrice",
        "must not be less than minPrice");
    v.throwIfAny();
  }

  /** The first page of everything, {@value #DEFAULT_LIMIT} products. */
  public static ProductSearch firstPage() {
    return new ProductSearch(null, null, null, null, null, null, null, DEFAULT_LIMIT);
  }

  public ProductSearch withStatus(ProductStatus s) {
    return new ProductSearch(s, brand, category, text, minPrice, maxPrice, after, limit);
  }

  public ProductSearch withText(String t) {
    return new ProductSearch(status, brand, category, t, minPrice, maxPrice, after, limit);
  }

  public ProductSearch withLimit(int l) {
    return new ProductSearch(status, brand, category, text, minPrice, maxPrice, after, l);
  }

  public ProductSearch after(PageCursor cursor) {
    return new ProductSearch(status, brand, category, text, minPrice, maxPrice, cursor, limit);
  }
}
