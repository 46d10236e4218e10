package io.crosslist.application.schedule;

import io.crosslist.application.product.port.in.CleanUpAbandonedDraftsUseCase;
import io.crosslist.domain.tenant.TenantDirectory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Deletes drafts nobody touched for {@code olderThanDays}, in every active tenant. */
public final class AbandonedDraftsTask extends TenantSweepTask {
  public static final String NAME = "drafts-cleanup";
  /** How often it runs by default: daily. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);
  private final TenantDirectory tenants;
  private final CleanUpAbandonedDraftsUseCase cleanUp;
  private final int olderThanDays;

  public AbandonedDraftsTask(TenantDirectory tenants, CleanUpAbandonedDraftsUseCase cleanUp, int olderThanDays,
      int parallelism) {
    super(NAME, DEFAULT_INTERVAL, parallelism);
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.cleanUp = Objects.requireNonNull(cleanUp, "cleanUp");
    if (olderThanDays < 1 || olderThanDays > 3_650) {
      throw new IllegalArgumentException("olderThanDays must be 1 to 3650, got " + olderThanDays);
    }
    this.olderThanDays = olderThanDays;
  }

  @Override
  public RunSummary run(TenantScope scope) {
    return sweep(scope, (after, limit) -> tenants.activeTenants(Optional.ofNullable(after), limit),
        tenant -> cleanUp.cleanUp(tenant, olderThanDays));
  }
}
