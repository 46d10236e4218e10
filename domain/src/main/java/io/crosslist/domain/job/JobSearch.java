package io.crosslist.domain.job;

import io.crosslist.domain.PageCursor;
import io.crosslist.domain.Violations;
import io.crosslist.domain.marketplace.Marketplace;

/**
 * One page of a job search, newest first. Every filter is optional (null); set filters combine with AND.
 *
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record JobSearch(JobStatus status, Marketplace marketplace, JobAction action, BatchId batch, PageCursor after,
    int limit) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public JobSearch {
    new Violations().require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
        .throwIfAny();
  }

  public static JobSearch firstPage() {
    return new JobSearch(null, null, null, null, null, DEFAULT_LIMIT);
  }

  public JobSearch withStatus(JobStatus s) {
    return new JobSearch(s, marketplace, action, batch, after, limit);
  }

  public JobSearch inBatch(BatchId b) {
    return new JobSearch(status, marketplace, action, b, after, limit);
  }

  public JobSearch withLimit(int l) {
    return new JobSearch(status, marketplace, action, batch, after, l);
  }

  public JobSearch after(PageCursor cursor) {
    return new JobSearch(status, marketplace, action, batch, cursor, limit);
  }
}
