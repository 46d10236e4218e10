package io.crosslist.domain.product;

import java.util.List;
import java.util.Optional;

/**
 * One page of products, newest first.
 *
 * @param items the products of this page
 * @param next cursor of the following page; null when this is the last page
 */
public record ProductPage(List<Product> items, ProductCursor next) {
  public ProductPage {
    items = List.copyOf(items);
  }

  public Optional<ProductCursor> nextCursor() {
    return Optional.ofNullable(next);
  }
}
