package io.crosslist.application.tenant;

import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * In-port: fleet migrations started in the background (by an administrator's request, or by a process at
 * start), their progress, and the on-demand migration of one tenant that a request or job found behind.
 */
public interface FleetOperationsUseCase {

  /** Starts migrating the tenants of {@code command} in the background; returns the operation as it starts. */
  FleetOperation startMigration(MigrateTenantsCommand command);

  /** An operation of this process, as it stands now. */
  Optional<FleetOperation> find(String id);

  /** This process's recent operations, newest first. */
  List<FleetOperation> recent();

  /**
   * True when {@code tenant}'s schema is at this build's versions. Otherwise its migration is started (once,
   * however many callers ask) and false is returned: the caller answers "migrating, retry" meanwhile.
   */
  boolean currentOrMigrating(TenantId tenant);

  /**
   * Brings {@code tenant} to this build's versions now, on the caller's thread, when it is behind (a no-op for a
   * tenant known current: this process remembers them).
   *
   * @throws RuntimeException when its migration fails (the message says why)
   */
  void ensureCurrent(TenantId tenant);
}
