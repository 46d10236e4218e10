package io.crosslist.application.schedule;

import io.crosslist.domain.Violations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's own recurring task: a name, a default interval and the work for one tenant. Crosslist runs it like
 * its built-in tasks: each tick once across the cluster, over the tenant sweep (pages of tenants, a few at a
 * time, a tenant whose work throws counted and named in the {@link RunSummary} while the others go on), with the
 * same metrics, the same {@code --recurring NAME=INTERVAL} configuration, and a run now from the command line and
 * the admin API. Register it with Crosslist's Guice module (see {@code io.crosslist.library.CrosslistModule}):
 *
 * <pre>{@code
 * @ProvidesIntoSet
 * TenantTask loyaltyRecount(LoyaltyPoints points) {
 *   // every active tenant, hourly by default; returns how many items it changed (or TenantSweep.SKIPPED)
 *   return TenantTask.of("loyalty-recount", Duration.ofHours(1), tenant -> points.recount(tenant));
 * }
 * }</pre>
 *
 * <p>By default it walks every active tenant; {@link #over} walks another source instead, such as the tenants
 * of the host's own index (pages in id order, never a catalog scan).
 */
public final class TenantTask {
  private final String name;
  private final Duration defaultInterval;
  private final TenantSweep.TenantWork work;
  private final TenantSweep.TenantPages tenants;

  private TenantTask(String name, Duration defaultInterval, TenantSweep.TenantWork work,
      TenantSweep.TenantPages tenants) {
    this.name = name;
    this.defaultInterval = defaultInterval;
    this.work = work;
    this.tenants = tenants;
  }

  /**
   * A task over every active tenant.
   *
   * @param name its name, unique among all tasks (built-in ones included); {@value RecurringTask#NAME_RULE}
   * @param defaultInterval how often it runs unless configured otherwise; at least 1 s
   * @param work what it does for one tenant: returns how many items it changed, or {@link TenantSweep#SKIPPED};
   *     throwing fails that tenant only
   * @throws io.crosslist.domain.ValidationException naming each field that breaks its rule
   */
  public static TenantTask of(String name, Duration defaultInterval, TenantSweep.TenantWork work) {
    Violations v = new Violations();
    v.require(RecurringTask.isValidName(name), "name", RecurringTask.NAME_RULE);
    v.require(defaultInterval != null && defaultInterval.compareTo(Duration.ofSeconds(1)) >= 0, "defaultInterval",
        "must be at least 1s");
    v.require(work != null, "work", "is required");
    v.throwIfAny();
    return new TenantTask(name, defaultInterval, work, null);
  }

  /** The same task walking the tenants {@code tenants} yields (in id order, page by page) instead of every one. */
  public TenantTask over(TenantSweep.TenantPages tenants) {
    return new TenantTask(name, defaultInterval, work, Objects.requireNonNull(tenants, "tenants"));
  }

  public String name() {
    return name;
  }

  public Duration defaultInterval() {
    return defaultInterval;
  }

  public TenantSweep.TenantWork work() {
    return work;
  }

  /** The tenants it walks, when not every active tenant. */
  public Optional<TenantSweep.TenantPages> tenants() {
    return Optional.ofNullable(tenants);
  }

  /**
   * This task as the scheduler runs it, {@code parallelism} tenants at a time, walking {@code activeTenants} (the
   * tenant directory's active tenants) unless {@link #over} said otherwise. Crosslist's module calls this; a host
   * does not need to.
   */
  public RecurringTask toRecurringTask(TenantSweep.TenantPages activeTenants, int parallelism) {
    Objects.requireNonNull(activeTenants, "activeTenants");
    return new HostTask(name, defaultInterval, parallelism, tenants != null ? tenants : activeTenants, work);
  }

  @Override
  public String toString() {
    return "TenantTask[" + name + ", every " + defaultInterval + "]";
  }

  /** A host's task as a recurring task: one sweep over its tenants. */
  private static final class HostTask extends TenantSweepTask {
    private final TenantSweep.TenantPages pages;
    private final TenantSweep.TenantWork work;

    HostTask(String name, Duration defaultInterval, int parallelism, TenantSweep.TenantPages pages,
        TenantSweep.TenantWork work) {
      super(name, defaultInterval, parallelism);
      this.pages = pages;
      this.work = work;
    }

    @Override
    public RunSummary run(TenantScope scope) {
      return sweep(scope, pages, work);
    }
  }
}
