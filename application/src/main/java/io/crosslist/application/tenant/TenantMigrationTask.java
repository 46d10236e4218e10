package io.crosslist.application.tenant;

import io.crosslist.application.schedule.RecurringTask;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import java.util.Objects;

/**
 * The fleet migration in the background, as a recurring task: each tick migrates every tenant behind this build
 * (every track), a few at a time. A tick with nothing pending is one registry query. Its ticks run once across
 * the cluster like every recurring task's, so one process at a time migrates the fleet after an upgrade, while
 * requests and jobs of a tenant still behind migrate that tenant first, on demand.
 */
public final class TenantMigrationTask implements RecurringTask {
  public static final String NAME = "tenant-migration";
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
  public RunSummary run() {
    RunSummary summary = fleet.migrate(MigrateTenantsCommand.everyTenantBehind(parallelism), SweepProgress.NONE);
    return new RunSummary(NAME, summary.processed(), summary.failed(), summary.skipped(), summary.itemsChanged(),
        summary.duration(), summary.failures());
  }
}
