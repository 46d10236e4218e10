package io.crosslist.library;

import com.google.inject.AbstractModule;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase;
import io.crosslist.application.product.port.in.CleanUpAbandonedDraftsUseCase;
import io.crosslist.application.product.port.in.CreateProductUseCase;
import io.crosslist.application.product.port.in.DeleteProductUseCase;
import io.crosslist.application.product.port.in.GetProductUseCase;
import io.crosslist.application.product.port.in.ListProductsUseCase;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.crosslist.application.product.service.ChangeProductStatusService;
import io.crosslist.application.product.service.CleanUpAbandonedDraftsService;
import io.crosslist.application.product.service.CreateProductService;
import io.crosslist.application.product.service.DeleteProductService;
import io.crosslist.application.product.service.ProductQueryService;
import io.crosslist.application.product.service.UpdateProductService;

/** The product in-ports, each bound to its application service; installed by {@link CrosslistModule}. */
final class ProductModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(GetProductUseCase.class).to(ProductQueryService.class);
    bind(ListProductsUseCase.class).to(ProductQueryService.class);
    Services.bind(binder(), ProductQueryService.class);
    Services.bind(binder(), CreateProductUseCase.class, CreateProductService.class);
    Services.bind(binder(), UpdateProductUseCase.class, UpdateProductService.class);
    Services.bind(binder(), ChangeProductStatusUseCase.class, ChangeProductStatusService.class);
    Services.bind(binder(), DeleteProductUseCase.class, DeleteProductService.class);
    Services.bind(binder(), CleanUpAbandonedDraftsUseCase.class, CleanUpAbandonedDraftsService.class);
  }
}
