package io.crosslist.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.crosslist.application.tenant.DropTenantUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase;
import io.crosslist.application.tenant.ProvisionTenantsUseCase;
import io.crosslist.application.tenant.TenantFleetService;
import io.crosslist.domain.tenant.TenantMigration;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantRemoval;
import jakarta.inject.Singleton;

/** The fleet operations' in-ports (provision many, migrate the fleet, drop one), installed by {@link CrosslistModule}. */
final class TenantFleetModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(MigrateTenantsUseCase.class).to(TenantFleetService.class);
    bind(ProvisionTenantsUseCase.class).to(TenantFleetService.class);
    bind(DropTenantUseCase.class).to(TenantFleetService.class);
  }

  @Provides
  @Singleton
  TenantFleetService fleet(TenantProvisioning provisioning, TenantMigration migration, TenantRemoval removal) {
    return new TenantFleetService(provisioning, migration, removal);
  }
}
