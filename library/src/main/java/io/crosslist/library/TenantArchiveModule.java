package io.crosslist.library;

import com.google.inject.AbstractModule;
import io.crosslist.application.tenant.ExportTenantUseCase;
import io.crosslist.application.tenant.ImportTenantUseCase;
import io.crosslist.application.tenant.TenantArchiveService;

/** The export and import in-ports of one tenant, installed by {@link CrosslistModule}. */
final class TenantArchiveModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(ExportTenantUseCase.class).to(TenantArchiveService.class);
    bind(ImportTenantUseCase.class).to(TenantArchiveService.class);
    Services.bind(binder(), TenantArchiveService.class);
  }
}
