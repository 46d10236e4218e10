package io.crosslist.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.crosslist.application.tenant.DropTenantUseCase;
import io.crosslist.application.tenant.FleetOperationsService;
import io.crosslist.application.tenant.FleetOperationsUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase;
import io.crosslist.application.tenant.ProvisionTenantsUseCase;
import io.crosslist.application.tenant.TenantFleetService;
import io.crosslist.domain.tenant.TenantMigration;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantRemoval;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The fleet operations' in-ports (provision many, migrate the fleet in the foreground or the background, migrate
 * one tenant on demand, drop one), installed by {@link CrosslistModule}.
 */
final class TenantFleetModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(MigrateTenantsUseCase.class).to(TenantFleetService.class);
    bind(ProvisionTenantsUseCase.class).to(TenantFleetService.class);
    bind(DropTenantUseCase.class).to(TenantFleetService.class);
    bind(FleetOperationsUseCase.class).to(FleetOperationsService.class);
  }

  @Provides
  @Singleton
  FleetOperationsService operations(TenantFleetService fleet, TenantMigration migration, Clock clock) {
    return new FleetOperationsService(fleet, migration, clock);
  }

  @Provides
  @Singleton
  TenantFleetService fleet(TenantProvisioning provisioning, TenantMigration migration, TenantRemoval removal) {
    return new TenantFleetService(provisioning, migration, removal);
  }
}
