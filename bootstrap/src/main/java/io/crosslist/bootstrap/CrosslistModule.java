package io.crosslist.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.crosslist.application.job.port.in.CancelBatchUseCase;
import io.crosslist.application.job.port.in.CancelJobUseCase;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.GetBatchUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.application.job.port.in.ListJobsUseCase;
import io.crosslist.application.job.port.in.RetryJobUseCase;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobManagementService;
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
import io.crosslist.application.tenant.ProvisionTenantService;
import io.crosslist.application.tenant.ProvisionTenantUseCase;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.time.Clock;

/**
 * Binds every in-port to its application service, built with {@code new} from the out-ports that the
 * adapter modules expose. Install it beside {@link io.crosslist.adapter.persistence.PersistenceModule}.
 */
public final class CrosslistModule extends AbstractModule {

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  ProductQueryService productQueries(ProductRepository products) {
    return new ProductQueryService(products);
  }

  @Provides
  GetProductUseCase getProduct(ProductQueryService queries) {
    return queries;
  }

  @Provides
  ListProductsUseCase listProducts(ProductQueryService queries) {
    return queries;
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

  @Provides
  @Singleton
  JobEnqueueService jobEnqueueing(MarketplaceJobRepository jobs, BatchRepository batches, ProductRepository products,
      UnitOfWork unitOfWork, Clock clock) {
    return new JobEnqueueService(jobs, batches, products, unitOfWork, clock);
  }

  @Provides
  EnqueueJobUseCase enqueueJob(JobEnqueueService service) {
    return service;
  }

  @Provides
  EnqueueBatchUseCase enqueueBatch(JobEnqueueService service) {
    return service;
  }

  @Provides
  @Singleton
  JobManagementService jobManagement(MarketplaceJobRepository jobs, BatchRepository batches, UnitOfWork unitOfWork,
      Clock clock) {
    return new JobManagementService(jobs, batches, unitOfWork, clock);
  }

  @Provides
  GetJobUseCase getJob(JobManagementService service) {
    return service;
  }

  @Provides
  ListJobsUseCase listJobs(JobManagementService service) {
    return service;
  }

  @Provides
  GetBatchUseCase getBatch(JobManagementService service) {
    return service;
  }

  @Provides
  CancelJobUseCase cancelJob(JobManagementService service) {
    return service;
  }

  @Provides
  CancelBatchUseCase cancelBatch(JobManagementService service) {
    return service;
  }

  @Provides
  RetryJobUseCase retryJob(JobManagementService service) {
    return service;
  }

  @Provides
  @Singleton
  ProvisionTenantUseCase provisionTenant(TenantProvisioning provisioning) {
    return new ProvisionTenantService(provisioning);
  }
}
