package io.crosslist.application.schedule;

/** A recurring task that walks tenants with a {@link TenantSweep} (pages of 500): its name is the sweep's. */
abstract class TenantSweepTask implements RecurringTask {
  private final TenantSweep sweep;

  TenantSweepTask(String name, int parallelism) {
    this.sweep = new TenantSweep(name, parallelism, 500);
  }

  @Override
  public final String name() {
    return sweep.task();
  }

  /** Runs {@code work} for every tenant of {@code pages}; see {@link TenantSweep#run}. */
  protected final RunSummary sweep(TenantSweep.TenantPages pages, TenantSweep.TenantWork work) {
    return sweep.run(pages, work);
  }
}
