package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.crosslist.application.imports.ProductImportService;
import io.crosslist.application.imports.port.in.GetProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase;
import io.crosslist.application.imports.woocommerce.WooCommerceImportHandler;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ReferenceCatalog;
import java.time.Clock;

/**
 * Product imports: the WooCommerce import's in-ports (upload, report) and its job handler ({@code WOOCOMMERCE
 * IMPORT_PRODUCTS}); installed by {@link CrosslistModule}.
 */
final class ImportsModule extends AbstractModule {
  /** Rows imported per transaction (and per checkpoint). */
  static final int BATCH_ROWS = 200;

  @Override
  protected void configure() {
    bind(StartProductImportUseCase.class).to(ProductImportService.class);
    bind(GetProductImportUseCase.class).to(ProductImportService.class);
  }

  @Provides
  @Singleton
  ProductImportService productImports(ProductImportRepository imports, ReferenceCatalog references,
      EnqueueJobUseCase enqueue, MarketplaceJobRepository jobs, UnitOfWork unitOfWork, Clock clock) {
    return new ProductImportService(imports, references, enqueue, jobs, unitOfWork, clock,
        ProductImportService.DEFAULT_MAX_FILE_BYTES);
  }

  @ProvidesIntoSet
  JobHandler wooCommerceImport(ProductImportRepository imports, ReferenceCatalog references,
      ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
    return new WooCommerceImportHandler(imports, references, products, unitOfWork, clock, BATCH_ROWS);
  }
}
