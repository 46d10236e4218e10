package io.crosslist.application.tenant;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.application.schedule.TenantSweep;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantMigration;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantRemoval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet operations: provisioning many tenants, migrating the fleet, dropping one tenant. Many tenants are
 * worked through the same {@link TenantSweep} as the recurring tasks: a few at a time, a failure reported
 * with its cause while the others go on.
 */
public final class TenantFleetService implements MigrateTenantsUseCase, ProvisionTenantsUseCase, DropTenantUseCase {
  /** Tenants asked of the registry at once when listing the ones behind. */
  private static final int PAGE = 1_000;
  private final TenantProvisioning provisioning;
  private final TenantMigration migration;
  private final TenantRemoval removal;

  public TenantFleetService(TenantProvisioning provisioning, TenantMigration migration, TenantRemoval removal) {
    this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
    this.migration = Objects.requireNonNull(migration, "migration");
    this.removal = Objects.requireNonNull(removal, "removal");
  }

  @Override
  public FleetPlan plan(MigrateTenantsCommand command) {
    return new FleetPlan(migration.versions(), command.tenants().isEmpty() ? everyTenantBehind() : command.tenants());
  }

  @Override
  public RunSummary migrate(MigrateTenantsCommand command, SweepProgress progress) {
    List<TenantId> tenants = plan(command).tenants();
    return sweep("tenants-migrate", tenants, command.parallelism(), tenant -> {
      var result = migration.migrate(tenant);
      return result.noOp() ? 0 : 1;
    }, progress);
  }

  @Override
  public RunSummary provision(List<TenantId> tenants, int parallelism, SweepProgress progress) {
    new MigrateTenantsCommand(List.of(), parallelism); // the same rule for parallelism
    return sweep("tenants-provision", List.copyOf(new java.util.LinkedHashSet<>(tenants)), parallelism, tenant -> {
      var result = provisioning.provision(tenant);
      return result.noOp() ? 0 : 1;
    }, progress);
  }

  @Override
  public void drop(TenantId tenant) {
    removal.drop(Objects.requireNonNull(tenant, "tenant"));
  }

  private List<TenantId> everyTenantBehind() {
    List<TenantId> behind = new ArrayList<>();
    Optional<TenantId> after = Optional.empty();
    List<TenantId> page;
    do {
      page = migration.behind(after, PAGE);
      behind.addAll(page);
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
    } while (page.size() == PAGE);
    return behind;
  }

  /** Works through {@code tenants} (already known) with the one per-tenant sweep. */
  private static RunSummary sweep(String task, List<TenantId> tenants, int parallelism, TenantSweep.TenantWork work,
      SweepProgress progress) {
    TenantSweep.TenantPages pages = (after, limit) -> {
      int from = after == null ? 0 : tenants.indexOf(after) + 1;
      return tenants.subList(from, Math.min(tenants.size(), from + limit));
    };
    return new TenantSweep(task, parallelism, 200).run(pages, work, progress);
  }
}
