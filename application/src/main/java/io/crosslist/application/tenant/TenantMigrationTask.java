package io.crosslist.application.tenant;

import io.crosslist.application.schedule.RecurringTask;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import java.time.Duration;
import java.util.Objects;

/**
 * The fleet migration in the background, as a recurring task: each tick migrates every tenant behind this build
 * (every track), a few at a time. A tick with nothing pending is one registry query. Its ticks run once across
 * the cluster like every recurring task's, so one process at a time migrates the fleet after an upgrade, while
 * requests and jobs of a tenant still behind migrate that tenant first, on demand.
 */
public final class TenantMigrationTask implements RecurringTask {
  public static final String NAME = "tenant-migration";
  /** How often it runs by default: every minute. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  private final MigrateTenantsUseCase fleet;
  private final int parallelism;

  public TenantMigrationTask(MigrateTenantsUseCase fleet, int parallelism) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.parallelism = parallelism;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration defaultInterval() {
    return DEFAULT_INTERVAL;
  }

  /** Every tenant behind this build, or the selected tenants (a tenant already current is a no-op). */
  @Override
  public RunSummary run(TenantScope scope) {
    MigrateTenantsCommand command = scope.selected()
        .map(tenants -> new MigrateTenantsCommand(tenants, parallelism))
        .orElse(MigrateTenantsCommand.everyTenantBehind(parallelism));
    RunSummary summary = fleet.migrate(command, SweepProgress.NONE);
    return new RunSummary(NAME, summary.processed(), summary.failed(), summary.skipped(), summary.itemsChanged(),
        summary.duration(), summary.failures());
  }
}
