package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.application.job.handler.OrderRecorder;
import io.crosslist.application.job.handler.StandardHandlers;
import io.crosslist.application.job.port.in.CancelBatchUseCase;
import io.crosslist.application.job.port.in.CancelJobUseCase;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase;
import io.crosslist.application.job.port.in.EnrichProductsUseCase;
import io.crosslist.application.job.service.ProductEnrichmentService;
import io.crosslist.application.job.service.StandaloneJobGroupingService;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.application.job.port.in.GetBatchUseCase;
import io.crosslist.application.job.port.in.GetJobStatisticsUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.application.job.port.in.ListJobTypesUseCase;
import io.crosslist.application.job.port.in.ListJobsUseCase;
import io.crosslist.application.job.port.in.PurgeFinishedJobsUseCase;
import io.crosslist.application.job.port.in.RetryJobUseCase;
import io.crosslist.application.job.port.in.SearchErrorLogUseCase;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobManagementService;
import io.crosslist.application.job.service.JobReportService;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.tenant.CurrentSchemaClaims;
import io.crosslist.application.tenant.FleetOperationsUseCase;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The jobs engine: the handlers over the bound marketplace gateways, enqueueing, management, reports and the
 * ports a {@link JobWorkerPool} calls; installed by {@link CrosslistModule}.
 */
final class JobsModule extends AbstractModule {
  private final MarketplaceGateways gateways;

  JobsModule(MarketplaceGateways gateways) {
    this.gateways = gateways;
  }

  @Override
  protected void configure() {
    bind(MarketplaceGateways.class).toInstance(gateways);
    bind(EnqueueJobUseCase.class).to(JobEnqueueService.class);
    bind(EnqueueBatchUseCase.class).to(JobEnqueueService.class);
    bind(GetJobUseCase.class).to(JobManagementService.class);
    bind(ListJobsUseCase.class).to(JobManagementService.class);
    bind(GetBatchUseCase.class).to(JobManagementService.class);
    bind(CancelJobUseCase.class).to(JobManagementService.class);
    bind(CancelBatchUseCase.class).to(JobManagementService.class);
    bind(RetryJobUseCase.class).to(JobManagementService.class);
    bind(PurgeFinishedJobsUseCase.class).to(JobManagementService.class);
    bind(SearchErrorLogUseCase.class).to(JobReportService.class);
    bind(GetJobStatisticsUseCase.class).to(JobReportService.class);
    bind(ListJobTypesUseCase.class).to(JobHandlers.class);
    Services.bind(binder(), JobEnqueueService.class);
    Services.bind(binder(), JobManagementService.class);
    Services.bind(binder(), JobReportService.class);
    // enrichment of named products: the job and its products' steps in one transaction
    Services.bind(binder(), EnrichProductsUseCase.class, ProductEnrichmentService.class);
    CrosslistModule.jobHandlers(binder()); // the host's job handlers, none by default
  }

  /** The registry of the job types served: Crosslist's handlers for the bound gateways, and the host's. */
  @Provides
  @Singleton
  JobHandlers jobHandlers(ProductRepository products, ListingRepository listings, MarketplaceTaskRepository tasks,
      UnitOfWork unitOfWork, Clock clock, Set<JobHandler> hostHandlers, OrderRecorder orders) {
    ExecutorService enrichment = Executors.newFixedThreadPool(8, r -> {
      Thread thread = new Thread(r, "crosslist-enrichment");
      thread.setDaemon(true);
      return thread;
    });
    List<JobHandler> handlers = new ArrayList<>(StandardHandlers.create(gateways, products, listings, tasks,
        unitOfWork, clock, enrichment, 4, orders));
    handlers.addAll(hostHandlers);
    return new JobHandlers(handlers);
  }

  /**
   * Records the orders the orders syncs see. The DELETE jobs that withdraw a sold-out product's listings go through
   * the normal enqueue use case, which itself needs the registry of handlers: it is looked up when first used.
   */
  @Provides
  @Singleton
  OrderRecorder orderRecorder(ProductRepository products, ListingRepository listings, OrderRepository orders,
      JobJournal journal, Provider<EnqueueJobUseCase> enqueue, UnitOfWork unitOfWork, Clock clock) {
    return new OrderRecorder(products, listings, orders, journal, (tenant, request) -> enqueue.get().enqueue(tenant,
        request), unitOfWork, clock);
  }

  @Provides
  @Singleton
  JobExecutionService jobExecution(JobQueue queue, MarketplaceJobRepository jobs, JobJournal journal,
      JobHandlers handlers, UnitOfWork unitOfWork, Clock clock) {
    return new JobExecutionService(queue, jobs, journal, handlers, unitOfWork, JobRunSettings.DEFAULT, clock,
        new SplittableRandom());
  }

  /** The in-ports a {@link JobWorkerPool} calls; a tenant behind this build is migrated before its jobs start. */
  @Provides
  JobWorkerPool.Ports workerPorts(JobExecutionService engine, FleetOperationsUseCase fleet) {
    return new JobWorkerPool.Ports(new CurrentSchemaClaims(engine, engine::giveBack, fleet), engine, engine, engine,
        engine, engine, engine, engine);
  }

  /** Grouping existing standalone jobs into batches, four tenants at a time. */
  @Provides
  @Singleton
  GroupStandaloneJobsUseCase groupStandaloneJobs(TenantDirectory tenants, BatchRepository batches,
      UnitOfWork unitOfWork, Clock clock) {
    return new StandaloneJobGroupingService(tenants, batches, unitOfWork, clock, 4);
  }
}
