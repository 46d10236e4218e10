package io.crosslist.domain;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paginated list (products, jobs, ...), newest first.
 *
 * @param items the rows of this page
 * @param next cursor of the following page; null when this is the last page
 */
public record Page<T>(List<T> items, PageCursor next) {
  public Page {
    items = List.copyOf(items);
  }

  public Optional<PageCursor> nextCursor() {
    return Optional.ofNullable(next);
  }
}
