package io.crosslist.application.schedule;

import java.time.Duration;
import java.util.Objects;

/** A recurring task that walks tenants with a {@link TenantSweep} (pages of 500): its name is the sweep's. */
abstract class TenantSweepTask implements RecurringTask {
  private final TenantSweep sweep;
  private final Duration defaultInterval;

  TenantSweepTask(String name, Duration defaultInterval, int parallelism) {
    this.sweep = new TenantSweep(name, parallelism, 500);
    this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
  }

  @Override
  public final String name() {
    return sweep.task();
  }

  @Override
  public final Duration defaultInterval() {
    return defaultInterval;
  }

  /** Runs {@code work} for every tenant of {@code pages} in {@code scope}; see {@link TenantSweep#run}. */
  protected final RunSummary sweep(TenantScope scope, TenantSweep.TenantPages pages, TenantSweep.TenantWork work) {
    return sweep.run(scope, pages, work, SweepProgress.NONE);
  }
}
