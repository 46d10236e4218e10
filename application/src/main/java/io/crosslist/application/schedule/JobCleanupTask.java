package io.crosslist.application.schedule;

import io.crosslist.application.job.port.in.ExpireOverdueJobsUseCase;
import io.crosslist.application.job.port.in.PurgeFinishedJobsUseCase;
import io.crosslist.application.job.port.in.RescueAbandonedJobsUseCase;
import io.crosslist.domain.tenant.TenantDirectory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Job housekeeping: PENDING jobs past their expiry become EXPIRED and leases whose worker died are
 * rescued (both from the shared dispatch index, in case no engine is running to do it), then each
 * active tenant's jobs that ended longer ago than the retention are deleted with their tasks
 * (batches keep their final counts). A run for selected tenants only purges theirs.
 */
public final class JobCleanupTask extends TenantSweepTask {
  public static final String NAME = "job-cleanup";
  /** How often it runs by default: every 10 minutes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
  private final ExpireOverdueJobsUseCase expire;
  private final RescueAbandonedJobsUseCase rescue;
  private final TenantDirectory tenants;
  private final PurgeFinishedJobsUseCase purge;
  private final Duration retention;

  public JobCleanupTask(ExpireOverdueJobsUseCase expire, RescueAbandonedJobsUseCase rescue, TenantDirectory tenants,
      PurgeFinishedJobsUseCase purge, Duration retention, int parallelism) {
    super(NAME, DEFAULT_INTERVAL, parallelism);
    this.expire = Objects.requireNonNull(expire, "expire");
    this.rescue = Objects.requireNonNull(rescue, "rescue");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.purge = Objects.requireNonNull(purge, "purge");
    if (retention == null || retention.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException("retention must be at least 1 hour, got " + retention);
    }
    this.retention = retention;
  }

  @Override
  public RunSummary run(TenantScope scope) {
    long began = System.nanoTime();
    long housekeeping = 0;
    if (scope.isAll()) { // cluster-wide, not a tenant's: a run for selected tenants leaves it to the ticks
      for (int n; (n = expire.expireOverdue(1_000)) > 0; ) {
        housekeeping += n;
      }
      for (int n; (n = rescue.rescueAbandoned(1_000)) > 0; ) {
        housekeeping += n;
      }
    }
    RunSummary purged = sweep(scope, (after, limit) -> tenants.activeTenants(Optional.ofNullable(after), limit),
        tenant -> purge.purgeFinished(tenant, retention));
    return new RunSummary(NAME, purged.processed(), purged.failed(), purged.skipped(),
        purged.itemsChanged() + housekeeping, Duration.ofNanos(System.nanoTime() - began), purged.failures());
  }
}
