package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.crosslist.application.tenant.ExportTenantUseCase;
import io.crosslist.application.tenant.ImportTenantUseCase;
import io.crosslist.application.tenant.TenantArchiveService;
import io.crosslist.domain.tenant.TenantArchive;
import jakarta.inject.Singleton;

/** The export and import in-ports of one tenant, installed by {@link CrosslistModule}. */
final class TenantArchiveModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(ExportTenantUseCase.class).to(TenantArchiveService.class);
    bind(ImportTenantUseCase.class).to(TenantArchiveService.class);
  }

  @Provides
  @Singleton
  TenantArchiveService archives(TenantArchive archive) {
    return new TenantArchiveService(archive);
  }
}
