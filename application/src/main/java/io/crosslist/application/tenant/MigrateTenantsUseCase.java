package io.crosslist.application.tenant;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * In-port: brings the fleet to this build's migration versions, every track (Crosslist's own and the host's).
 * Each tenant migrates in its own transaction, a few at a time; a tenant that fails is reported with its cause
 * and the others go on, and running it again resumes with the tenants still behind.
 */
public interface MigrateTenantsUseCase {

  /**
   * @param tenants the tenants to migrate; empty for every tenant behind this build
   * @param parallelism tenants migrated at once, 1 to 64
   */
  record MigrateTenantsCommand(List<TenantId> tenants, int parallelism) {
    public MigrateTenantsCommand {
      tenants = List.copyOf(tenants);
      if (parallelism < 1 || parallelism > 64) {
        throw new io.crosslist.domain.ValidationException(List.of(new io.crosslist.domain.FieldViolation(
            "parallelism", "must be between 1 and 64")));
      }
    }

    /** Every tenant behind this build, {@code parallelism} at a time. */
    public static MigrateTenantsCommand everyTenantBehind(int parallelism) {
      return new MigrateTenantsCommand(List.of(), parallelism);
    }
  }

  /**
   * What a migration would do, read from the registry alone.
   *
   * @param versions this build's version of each track
   * @param tenants the tenants it would migrate (all of them: ids are small)
   */
  record FleetPlan(Map<String, Integer> versions, List<TenantId> tenants) {
    public FleetPlan {
      versions = Map.copyOf(Objects.requireNonNull(versions, "versions"));
      tenants = List.copyOf(tenants);
    }
  }

  /** The tenants a migration of {@code command} would touch, without touching any (a dry run). */
  FleetPlan plan(MigrateTenantsCommand command);

  /** Migrates the tenants of {@code command}, telling {@code progress} about each as it ends. */
  RunSummary migrate(MigrateTenantsCommand command, SweepProgress progress);
}
