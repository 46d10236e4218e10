package io.crosslist.domain.job;

import io.crosslist.domain.PageCursor;
import io.crosslist.domain.StorableTime;
import io.crosslist.domain.Violations;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;

/**
 * One page of a tenant's marketplace error log, newest first, within {@code [from, to)}. Every filter
 * is optional (null).
 *
 * @param from earliest time included, or null
 * @param to first time excluded, or null
 * @param marketplace only this marketplace's errors, or null for all
 * @param after the cursor of the previous page, or null for the first
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record ErrorLogSearch(Instant from, Instant to, Marketplace marketplace, PageCursor after, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public ErrorLogSearch {
    Violations v = new Violations()
        .require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
        .require(from == null || to == null || from.isBefore(to), "from", "must be before to");
    StorableTime.check(v, "from", from);
    StorableTime.check(v, "to", to);
    v.throwIfAny();
  }

  /** The newest {@code limit} entries, whenever they happened. */
  public static ErrorLogSearch newest(int limit) {
    return new ErrorLogSearch(null, null, null, null, limit);
  }
}
