package io.crosslist.domain.job;

import io.crosslist.domain.PageCursor;
import java.util.List;
import java.util.Optional;

/** One page of jobs, newest first; {@code next} is null on the last page. */
public record JobPage(List<MarketplaceJob> items, PageCursor next) {
  public JobPage {
    items = List.copyOf(items);
  }

  public Optional<PageCursor> nextCursor() {
    return Optional.ofNullable(next);
  }
}
