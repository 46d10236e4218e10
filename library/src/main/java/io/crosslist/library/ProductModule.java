package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.crosslist.application.port.out.UnitOfWork;
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
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;

/** The product in-ports, each bound to its application service; installed by {@link CrosslistModule}. */
final class ProductModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(GetProductUseCase.class).to(ProductQueryService.class);
    bind(ListProductsUseCase.class).to(ProductQueryService.class);
  }

  @Provides
  @Singleton
  ProductQueryService productQueries(ProductRepository products) {
    return new ProductQueryService(products);
  }

  @Provides
  @Singleton
  CreateProductUseCase createProduct(ProductRepository products, Clock clock) {
    return new CreateProductService(products, clock);
  }

  @Provides
  @Singleton
  UpdateProductUseCase updateProduct(ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
    return new UpdateProductService(products, unitOfWork, clock);
  }

  @Provides
  @Singleton
  ChangeProductStatusUseCase changeProductStatus(ProductRepository products, UnitOfWork unitOfWork, Clock clock) {
    return new ChangeProductStatusService(products, unitOfWork, clock);
  }

  @Provides
  @Singleton
  DeleteProductUseCase deleteProduct(ProductRepository products, Clock clock) {
    return new DeleteProductService(products, clock);
  }

  @Provides
  @Singleton
  CleanUpAbandonedDraftsUseCase cleanUpAbandonedDrafts(ProductRepository products, Clock clock) {
    return new CleanUpAbandonedDraftsService(products, clock);
  }
}
