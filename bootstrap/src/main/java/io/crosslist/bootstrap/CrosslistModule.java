package io.crosslist.bootstrap;

import io.crosslist.adapter.http.ActivityPorts;
import io.crosslist.adapter.http.ConnectionPorts;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.JobPorts;
import io.crosslist.adapter.http.TenantPorts;
import io.crosslist.adapter.marketplace.SimulatedSessionKeepAlive;
import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.connection.service.OrderPollingService;
import io.crosslist.application.schedule.OrderPollingTask;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.domain.marketplace.PollCursorRepository;
import io.crosslist.application.connection.port.in.KeepSessionsAliveUseCase;
import io.crosslist.application.connection.service.SessionKeepAliveService;
import io.crosslist.application.schedule.SessionKeepAliveTask;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.application.job.port.in.PurgeFinishedJobsUseCase;
import io.crosslist.application.schedule.AbandonedDraftsTask;
import io.crosslist.application.schedule.JobCleanupTask;
import io.crosslist.application.schedule.RecurringTaskService;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.schedule.TokenRefreshAheadTask;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.application.connection.port.in.RecordListingUseCase;
import io.crosslist.application.connection.service.RecordListingService;
import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.application.connection.service.ConversationSyncService;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.conversation.ConversationRepository;
import java.util.List;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.application.connection.service.TokenRefreshService;
import io.crosslist.adapter.marketplace.SimulatedOAuthGateway;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase;
import io.crosslist.application.connection.service.SecretResealService;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase;
import io.crosslist.application.connection.service.ConnectedIndexRebuildService;
import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.DisconnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.GetConnectionsUseCase;
import io.crosslist.application.connection.service.MarketplaceConnectionService;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.crosslist.application.job.port.in.CancelBatchUseCase;
import io.crosslist.application.job.port.in.CancelJobUseCase;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.GetBatchUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.application.job.port.in.ListJobTypesUseCase;
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
import io.crosslist.application.tenant.TenantAdministrationService;
import io.crosslist.application.connection.service.MarketplaceActivityService;
import io.crosslist.application.job.service.JobReportService;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantSuspension;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.application.job.handler.StandardHandlers;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Clock;

/**
 * Binds every in-port to its application service, built with {@code new} from the out-ports that the
 * adapter modules expose. Install it beside {@link io.crosslist.adapter.persistence.PersistenceModule}.
 */
public final class CrosslistModule extends AbstractModule {
  private final MarketplaceGateways gateways;
  private final List<OAuthGateway> oauthGateways;
  private final List<ConversationGateway> conversationGateways;
  private final List<SessionKeepAliveGateway> keepAliveGateways;
  private RecurringTaskSettings recurring = RecurringTaskSettings.DEFAULTS;

  /** With the simulated marketplaces (instant, never failing) and token endpoints: for demos and tests. */
  public CrosslistModule() {
    this(simulatedMarketplaces(SimulationSettings.INSTANT), List.of(
        new SimulatedOAuthGateway(Marketplace.EBAY, Clock.systemUTC()),
        new SimulatedOAuthGateway(Marketplace.ETSY, Clock.systemUTC())));
  }

  /** With the host's marketplace gateways and no OAuth token endpoint (token refreshes then fail, logged). */
  public CrosslistModule(MarketplaceGateways gateways) {
    this(gateways, List.of());
  }

  /** With the host's marketplace gateways and OAuth token endpoints (eBay, Etsy). */
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways) {
    this(gateways, oauthGateways, List.of());
  }

  /** With the host's marketplace gateways, OAuth token endpoints and messaging APIs. */
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways,
      List<ConversationGateway> conversationGateways) {
    this(gateways, oauthGateways, conversationGateways, List.of(new SimulatedSessionKeepAlive()));
  }

  /** Also the web-session keep-alives (default: the simulated Vinted one). */
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways,
      List<ConversationGateway> conversationGateways, List<SessionKeepAliveGateway> keepAliveGateways) {
    this.gateways = java.util.Objects.requireNonNull(gateways, "gateways");
    this.oauthGateways = List.copyOf(oauthGateways);
    this.conversationGateways = List.copyOf(conversationGateways);
    this.keepAliveGateways = List.copyOf(keepAliveGateways);
  }

  /** A simulated gateway for every marketplace, all behaving as {@code settings} says. */
  public static MarketplaceGateways simulatedMarketplaces(SimulationSettings settings) {
    return new MarketplaceGateways(Marketplace.BUILT_IN.stream()
        .map(m -> new SimulatedMarketplaceGateway(m, settings)).toList());
  }

  /** The recurring tasks' parameters (default {@link RecurringTaskSettings#DEFAULTS}); returns this module. */
  @Override
  protected void configure() {
    install(new TenantFleetModule());
    install(new TenantArchiveModule());
    jobHandlers(binder()); // the host's job handlers, none by default
  }

  /**
   * Where a host registers its own job handlers, each serving a new (marketplace, action) pair beside the ones
   * Crosslist ships; a second handler for a served pair fails at start. In the host's own module:
   *
   * <pre>{@code
   * CrosslistModule.jobHandlers(binder()).addBinding().to(RepriceOnDepop.class);
   * }</pre>
   */
  public static Multibinder<JobHandler> jobHandlers(com.google.inject.Binder binder) {
    return Multibinder.newSetBinder(binder, JobHandler.class);
  }

  public CrosslistModule withRecurringTasks(RecurringTaskSettings settings) {
    this.recurring = java.util.Objects.requireNonNull(settings, "settings");
    return this;
  }

  @Provides
  @Singleton
  MarketplaceGateways gateways() {
    return gateways;
  }

  /** The registry of the job types served: Crosslist's handlers for the bound gateways, and the host's. */
  @Provides
  @Singleton
  JobHandlers jobHandlers(ProductRepository products, ListingRepository listings, MarketplaceTaskRepository tasks,
      UnitOfWork unitOfWork, Clock clock, java.util.Set<JobHandler> hostHandlers) {
    java.util.concurrent.ExecutorService enrichment = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
      Thread thread = new Thread(r, "crosslist-enrichment");
      thread.setDaemon(true);
      return thread;
    });
    List<JobHandler> handlers = new java.util.ArrayList<>(StandardHandlers.create(gateways, products, listings, tasks,
        unitOfWork, clock, enrichment, 4));
    handlers.addAll(hostHandlers);
    return new JobHandlers(handlers);
  }

  @Provides
  ListJobTypesUseCase listJobTypes(JobHandlers handlers) {
    return handlers;
  }

  @Provides
  @Singleton
  JobExecutionService jobExecution(JobQueue queue, MarketplaceJobRepository jobs, JobJournal journal,
      JobHandlers handlers, UnitOfWork unitOfWork, Clock clock) {
    return new JobExecutionService(queue, jobs, journal, handlers, unitOfWork, JobRunSettings.DEFAULT, clock,
        new java.util.SplittableRandom());
  }

  /** The in-ports a {@link io.crosslist.adapter.scheduler.JobWorkerPool} calls. */
  @Provides
  JobWorkerPool.Ports workerPorts(JobExecutionService engine,
      io.crosslist.application.tenant.FleetOperationsUseCase fleet) {
    // a tenant behind this build is migrated before its jobs start
    return new JobWorkerPool.Ports(new io.crosslist.application.tenant.CurrentSchemaClaims(engine, engine::giveBack,
        fleet), engine, engine, engine, engine, engine, engine, engine);
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  MarketplaceConnectionService marketplaceConnections(MarketplaceConnectionRepository connections, Clock clock) {
    return new MarketplaceConnectionService(connections, clock);
  }

  @Provides
  @Singleton
  ResealSecretsUseCase resealSecrets(TenantDirectory tenants, MarketplaceConnectionRepository connections) {
    return new SecretResealService(tenants, connections);
  }

  @Provides
  @Singleton
  ReindexConnectionsUseCase reindexConnections(TenantDirectory tenants, MarketplaceConnectionRepository connections) {
    return new ConnectedIndexRebuildService(tenants, connections);
  }

  @Provides
  @Singleton
  RefreshTokensUseCase refreshTokens(MarketplaceConnectionRepository connections, JobJournal journal,
      UnitOfWork unitOfWork, Clock clock) {
    return new TokenRefreshService(connections, oauthGateways, journal, unitOfWork, clock);
  }

  @Provides
  @Singleton
  SyncConversationsUseCase syncConversations(ConversationRepository conversations) {
    return new ConversationSyncService(conversationGateways, conversations);
  }

  @Provides
  @Singleton
  RecordListingUseCase recordListing(ProductRepository products, ListingRepository listings, UnitOfWork unitOfWork) {
    return new RecordListingService(products, listings, unitOfWork);
  }

  @Provides
  ConnectMarketplaceUseCase connectMarketplace(MarketplaceConnectionService service) {
    return service;
  }

  @Provides
  DisconnectMarketplaceUseCase disconnectMarketplace(MarketplaceConnectionService service) {
    return service;
  }

  @Provides
  GetConnectionsUseCase getConnections(MarketplaceConnectionService service) {
    return service;
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
      UnitOfWork unitOfWork, Clock clock, JobHandlers handlers) {
    return new JobEnqueueService(jobs, batches, products, unitOfWork, clock, handlers);
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
  KeepSessionsAliveUseCase keepSessionsAlive(MarketplaceConnectionRepository connections, JobJournal journal,
      UnitOfWork unitOfWork, Clock clock) {
    return new SessionKeepAliveService(connections, keepAliveGateways, journal, unitOfWork, clock);
  }

  @Provides
  @Singleton
  PollOrdersUseCase pollOrders(PollCursorRepository cursors, JobEnqueueService enqueue, Clock clock) {
    return new OrderPollingService(gateways, cursors, enqueue, clock, recurring.firstPollLookback());
  }

  @Provides
  PurgeFinishedJobsUseCase purgeFinishedJobs(JobManagementService service) {
    return service;
  }

  /**
   * The recurring tasks: job cleanup, abandoned drafts, token refresh-ahead, the Vinted keep-alive, the Etsy
   * orders polling and the background fleet migration, with the parameters of {@link #withRecurringTasks}.
   */
  @Provides
  @Singleton
  RunRecurringTaskUseCase recurringTasks(TickLedger ledger, JobExecutionService engine, TenantDirectory tenants,
      PurgeFinishedJobsUseCase purge, CleanUpAbandonedDraftsUseCase drafts, ConnectedTenantIndex connected,
      RefreshTokensUseCase refresh, KeepSessionsAliveUseCase keepAlive, PollOrdersUseCase poll,
      io.crosslist.application.tenant.MigrateTenantsUseCase fleet) {
    return new RecurringTaskService(ledger, List.of(
        new JobCleanupTask(engine, engine, tenants, purge, recurring.jobRetention(), recurring.parallelism()),
        new AbandonedDraftsTask(tenants, drafts, recurring.draftsMaxAgeDays(), recurring.parallelism()),
        new TokenRefreshAheadTask(connected, refresh, recurring.refreshWindow(), recurring.parallelism()),
        new SessionKeepAliveTask(connected, keepAlive, recurring.keepAliveFailures(), recurring.parallelism()),
        new OrderPollingTask(connected, poll, recurring.parallelism()),
        new io.crosslist.application.tenant.TenantMigrationTask(fleet, recurring.parallelism())));
  }

  /** The in-ports the HTTP API calls ({@code serve} and the HTTP tests build it from these). */
  @Provides
  CrosslistHttpApi.Ports httpPorts(CreateProductUseCase create, GetProductUseCase get, ListProductsUseCase list,
      UpdateProductUseCase update, ChangeProductStatusUseCase status, DeleteProductUseCase delete,
      JobEnqueueService enqueue, JobManagementService jobs, ConnectMarketplaceUseCase connect,
      DisconnectMarketplaceUseCase disconnect, GetConnectionsUseCase connections, ProvisionTenantUseCase provision,
      MarketplaceActivityService activity, JobReportService reports, TenantAdministrationService tenants,
      io.crosslist.application.tenant.DropTenantUseCase drop,
      io.crosslist.application.tenant.FleetOperationsUseCase fleet, ListJobTypesUseCase jobTypes) {
    return new CrosslistHttpApi.Ports(create, get, list, update, status, delete,
        new JobPorts(enqueue, enqueue, jobs, jobs, jobs, jobs, jobs, jobs, jobTypes),
        new ConnectionPorts(connect, disconnect, connections), new ActivityPorts(activity, activity, reports, reports),
        new TenantPorts(provision, tenants, tenants, tenants, drop, fleet));
  }

  @Provides
  @Singleton
  MarketplaceActivityService marketplaceActivity(ProductRepository products, ListingRepository listings,
      ConversationRepository conversations) {
    return new MarketplaceActivityService(products, listings, conversations);
  }

  @Provides
  @Singleton
  JobReportService jobReports(JobJournal journal) {
    return new JobReportService(journal);
  }

  @Provides
  @Singleton
  ProvisionTenantUseCase provisionTenant(TenantProvisioning provisioning) {
    return new ProvisionTenantService(provisioning);
  }

  @Provides
  @Singleton
  TenantAdministrationService tenantAdministration(TenantDirectory directory, TenantSuspension suspension) {
    return new TenantAdministrationService(directory, suspension);
  }
}
