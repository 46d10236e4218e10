package io.crosslist.library;

import com.google.inject.AbstractModule;
import io.crosslist.application.tenant.ChangeTenantStatusUseCase;
import io.crosslist.application.tenant.DropTenantUseCase;
import io.crosslist.application.tenant.FleetOperationsService;
import io.crosslist.application.tenant.FleetOperationsUseCase;
import io.crosslist.application.tenant.GetTenantUseCase;
import io.crosslist.application.tenant.ListTenantsUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase;
import io.crosslist.application.tenant.ProvisionTenantService;
import io.crosslist.application.tenant.ProvisionTenantUseCase;
import io.crosslist.application.tenant.ProvisionTenantsUseCase;
import io.crosslist.application.tenant.TenantAdministrationService;
import io.crosslist.application.tenant.TenantFleetService;

/**
 * The tenants' in-ports: provision one or many, list, read and suspend them, migrate the fleet in the foreground or
 * the background, migrate one tenant on demand, drop one; installed by {@link CrosslistModule}.
 */
final class TenantFleetModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(MigrateTenantsUseCase.class).to(TenantFleetService.class);
    bind(ProvisionTenantsUseCase.class).to(TenantFleetService.class);
    bind(DropTenantUseCase.class).to(TenantFleetService.class);
    bind(FleetOperationsUseCase.class).to(FleetOperationsService.class);
    bind(ListTenantsUseCase.class).to(TenantAdministrationService.class);
    bind(GetTenantUseCase.class).to(TenantAdministrationService.class);
    bind(ChangeTenantStatusUseCase.class).to(TenantAdministrationService.class);
    Services.bind(binder(), ProvisionTenantUseCase.class, ProvisionTenantService.class);
    Services.bind(binder(), TenantAdministrationService.class);
    Services.bind(binder(), FleetOperationsService.class);
    Services.bind(binder(), TenantFleetService.class);
  }
}
