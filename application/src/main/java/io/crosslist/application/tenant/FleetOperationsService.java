package io.crosslist.application.tenant;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.TenantFailure;
import io.crosslist.application.tenant.FleetOperation.State;
import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantMigration;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs fleet migrations in the background, one at a time in this process, and keeps their progress for the
 * admin API; migrates a single tenant on demand when a request or a job finds it behind this build.
 */
public final class FleetOperationsService implements FleetOperationsUseCase, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FleetOperationsService.class.getName());
  private static final int KEPT = 20;
  private final MigrateTenantsUseCase fleet;
  private final TenantMigration migration;
  private final Clock clock;
  private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("crosslist-fleet"));
  private final ExecutorService onDemand = Executors.newFixedThreadPool(2, daemon("crosslist-tenant-migration"));
  private final Set<TenantId> migrating = ConcurrentHashMap.newKeySet();
  /**
   * Tenants known to be at this build's versions, with when the registry said so (bounded: cleared when it
   * reaches {@link #MAX_KNOWN}). A belief lasts {@link #KNOWN_FOR}: tenant migrations commit without waiting for
   * their WAL flush, so a database crash right after one can take it back, and the registry is asked again.
   */
  private final Map<TenantId, Instant> known = new ConcurrentHashMap<>();
  private static final int MAX_KNOWN = 1_000_000;
  static final java.time.Duration KNOWN_FOR = java.time.Duration.ofSeconds(10);
  private final Map<String, FleetOperation> operations = new LinkedHashMap<>();
  private final AtomicLong nextId = new AtomicLong();

  public FleetOperationsService(MigrateTenantsUseCase fleet, TenantMigration migration, Clock clock) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.migration = Objects.requireNonNull(migration, "migration");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public FleetOperation startMigration(MigrateTenantsCommand command) {
    Objects.requireNonNull(command, "command");
    String id = "m" + nextId.incrementAndGet();
    Instant started = clock.instant();
    put(new FleetOperation(id, "migrate", State.RUNNING, 0, 0, 0, List.of(), started, null, null));
    background.submit(() -> run(id, command, started));
    return find(id).orElseThrow();
  }

  private void run(String id, MigrateTenantsCommand command, Instant started) {
    try {
      List<TenantId> tenants = fleet.plan(command).tenants();
      int[] counts = {0, 0};
      List<TenantFailure> failures = new ArrayList<>();
      put(new FleetOperation(id, "migrate", State.RUNNING, tenants.size(), 0, 0, List.of(), started, null, null));
      RunSummary summary = fleet.migrate(new MigrateTenantsCommand(tenants, command.parallelism()), (tenant, failure) -> {
        synchronized (counts) {
          counts[0]++;
          if (failure != null) {
            counts[1]++;
            if (failures.size() < RunSummary.FAILED_SAMPLE) {
              failures.add(failure);
            }
          }
          put(new FleetOperation(id, "migrate", State.RUNNING, tenants.size(), counts[0], counts[1], failures, started,
              null, null));
        }
      });
      put(new FleetOperation(id, "migrate", State.COMPLETED, tenants.size(), summary.processed() + summary.failed(),
          summary.failed(), summary.failures(), started, clock.instant(), null));
      LOG.log(Level.INFO, "fleet migration {0}: {1}", id, summary);
    } catch (RuntimeException e) {
      FleetOperation last = find(id).orElseThrow();
      put(new FleetOperation(id, "migrate", State.FAILED, last.total(), last.done(), last.failed(), last.failures(),
          started, clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      LOG.log(Level.WARNING, "fleet migration {0} could not run: {1}", id, e.toString());
    }
  }

  @Override
  public synchronized Optional<FleetOperation> find(String id) {
    return Optional.ofNullable(operations.get(id));
  }

  @Override
  public synchronized List<FleetOperation> recent() {
    List<FleetOperation> newestFirst = new ArrayList<>(operations.values());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  private synchronized void put(FleetOperation operation) {
    operations.put(operation.id(), operation);
    while (operations.size() > KEPT) {
      operations.remove(operations.keySet().iterator().next());
    }
  }

  @Override
  public boolean currentOrMigrating(TenantId tenant) {
    if (isCurrent(tenant)) {
      return true;
    }
    if (migrating.add(tenant)) {
      onDemand.submit(() -> {
        try {
          migration.migrate(tenant);
          known.put(tenant, clock.instant());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "{0}: on-demand migration failed: {1}", tenant, e.getMessage());
        } finally {
          migrating.remove(tenant);
        }
      });
    }
    return false;
  }

  @Override
  public void ensureCurrent(TenantId tenant) {
    if (!isCurrent(tenant)) {
      migration.migrate(tenant);
      known.put(tenant, clock.instant());
    }
  }

  /**
   * Whether the tenant is current, asking the registry at most once per {@link #KNOWN_FOR} once it is: a tenant
   * at this build's versions stays there while this process runs (versions only move forward, with a newer build),
   * unless a crash of the database took back a migration that had not reached its disk yet.
   */
  private boolean isCurrent(TenantId tenant) {
    Instant since = known.get(tenant);
    if (since != null && !clock.instant().isAfter(since.plus(KNOWN_FOR))) {
      return true;
    }
    if (!migration.isCurrent(tenant)) {
      return false;
    }
    if (known.size() >= MAX_KNOWN) {
      known.clear();
    }
    known.put(tenant, clock.instant());
    return true;
  }

  @Override
  public void close() {
    background.shutdownNow();
    onDemand.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
