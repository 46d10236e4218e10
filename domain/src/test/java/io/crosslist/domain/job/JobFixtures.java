package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;

/** Shared job fixtures (published in the domain test-jar). */
public final class JobFixtures {
  public static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  private JobFixtures() {}

  public static JobRequest publishRequest() {
    return JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, ProductId.of(1));
  }

  /** A stored PENDING publish job with id 1. */
  public static MarketplaceJob pendingJob() {
    return MarketplaceJob.pending(publishRequest(), T0).stored(JobId.of(1));
  }

  /** A stored job that has started its first attempt. */
  public static MarketplaceJob runningJob() {
    return pendingJob().start(T0.plusSeconds(1));
  }
}
