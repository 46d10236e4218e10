package io.crosslist.application.product.service;

import io.crosslist.application.product.port.in.CleanUpAbandonedDraftsUseCase;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Deletes drafts older than a number of days, for one tenant (the scheduler iterates tenants). */
public final class CleanUpAbandonedDraftsService implements CleanUpAbandonedDraftsUseCase {
  static final int MAX_DAYS = 3_650;
  private final ProductRepository products;
  private final Clock clock;

  public CleanUpAbandonedDraftsService(ProductRepository products, Clock clock) {
    this.products = Objects.requireNonNull(products, "products");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int cleanUp(TenantId tenant, int olderThanDays) {
    if (olderThanDays < 1 || olderThanDays > MAX_DAYS) {
      throw ValidationException.of("olderThanDays", "must be between 1 and " + MAX_DAYS);
    }
    Instant now = clock.instant();
    return products.softDeleteDraftsNotUpdatedSince(Objects.requireNonNull(tenant, "tenant"),
        now.minus(Duration.ofDays(olderThanDays)), now);
  }
}
