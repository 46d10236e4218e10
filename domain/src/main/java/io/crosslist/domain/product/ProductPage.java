package io.crosslist.domain.product;

import io.crosslist.domain.PageCursor;
import java.util.List;
import java.util.Optional;

/**
 * One page of products, newest first.
 *
 * @param items the products of this page
 * @param next cursor of the following page; null when this is the last page
 */
public record ProductPage(List<Product> items, PageCursor next) {
  public ProductPage {
    items = List.copyOf(items);
  }

  public Optional<PageCursor> nextCursor() {
    return Optional.ofNullable(next);
  }
}
