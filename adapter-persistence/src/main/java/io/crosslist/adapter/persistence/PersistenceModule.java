package io.crosslist.adapter.persistence;

import com.google.inject.PrivateModule;
import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.internal.archive.TenantArchiveStore;
import io.crosslist.adapter.persistence.internal.connection.ConnectionMapper;
import io.crosslist.adapter.persistence.internal.connection.MyBatisConnectionRepository;
import io.crosslist.adapter.persistence.internal.connection.UnconfiguredSecretCipher;
import io.crosslist.adapter.persistence.internal.conversation.ConversationMapper;
import io.crosslist.adapter.persistence.internal.conversation.MyBatisConversationRepository;
import io.crosslist.adapter.persistence.internal.imports.ImportMapper;
import io.crosslist.adapter.persistence.internal.imports.MyBatisProductImportRepository;
import io.crosslist.adapter.persistence.internal.job.BatchMapper;
import io.crosslist.adapter.persistence.internal.job.JobDispatchMapper;
import io.crosslist.adapter.persistence.internal.job.JobJournalMapper;
import io.crosslist.adapter.persistence.internal.job.JobMapper;
import io.crosslist.adapter.persistence.internal.job.MyBatisBatchRepository;
import io.crosslist.adapter.persistence.internal.job.MyBatisJobJournal;
import io.crosslist.adapter.persistence.internal.job.MyBatisJobQueue;
import io.crosslist.adapter.persistence.internal.job.MyBatisJobRepository;
import io.crosslist.adapter.persistence.internal.job.MyBatisTaskRepository;
import io.crosslist.adapter.persistence.internal.job.TaskMapper;
import io.crosslist.adapter.persistence.internal.marketplace.ListingMapper;
import io.crosslist.adapter.persistence.internal.marketplace.MyBatisListingRepository;
import io.crosslist.adapter.persistence.internal.marketplace.MyBatisOrderRepository;
import io.crosslist.adapter.persistence.internal.marketplace.MyBatisPollCursorRepository;
import io.crosslist.adapter.persistence.internal.marketplace.OrderMapper;
import io.crosslist.adapter.persistence.internal.marketplace.PollCursorMapper;
import io.crosslist.adapter.persistence.internal.migration.SchemaMigrations;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.migration.TenantRemover;
import io.crosslist.adapter.persistence.internal.product.MyBatisProductRepository;
import io.crosslist.adapter.persistence.internal.product.ProductMapper;
import io.crosslist.adapter.persistence.internal.schedule.MyBatisTickLedger;
import io.crosslist.adapter.persistence.internal.schedule.TickMapper;
import io.crosslist.adapter.persistence.internal.suggestion.MyBatisSuggestionRepository;
import io.crosslist.adapter.persistence.internal.suggestion.SuggestionMapper;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionLanes;
import io.crosslist.adapter.persistence.internal.tenancy.MapperRules;
import io.crosslist.adapter.persistence.internal.tenancy.MyBatisTenantMappers;
import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.adapter.persistence.internal.tenancy.PoolerDefaults;
import io.crosslist.adapter.persistence.internal.tenancy.RowObjectFactory;
import io.crosslist.adapter.persistence.internal.tenancy.TenantLanguageDriver;
import io.crosslist.adapter.persistence.internal.tenant.MyBatisTenantDirectory;
import io.crosslist.adapter.persistence.internal.tenant.TenantRegistryMapper;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.connection.SecretsNotConfiguredException;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.suggestion.ListingSuggestionRepository;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ReferenceCatalog;
import io.crosslist.domain.marketplace.PollCursorRepository;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantMigration;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantRemoval;
import io.crosslist.domain.tenant.TenantSuspension;
import java.util.List;
import java.util.Objects;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.mybatis.guice.MyBatisModule;

/**
 * The Guice module of the persistence adapter: everything an embedding service needs is a JDBC URL.
 * Exposes only the out-ports ({@link ProductRepository}, {@link TenantDirectory}, {@link
 * TenantProvisioning}, {@link MarketplaceJobRepository}, {@link BatchRepository}, {@link JobQueue}, {@link
 * MarketplaceConnectionRepository}, {@link ConnectedTenantIndex}, ...) and the {@link UnitOfWork}; MyBatis, the
 * pools and the mappers stay private. Marketplace credentials are encrypted with the keyset of {@link
 * PersistenceSettings#secretKeyset()}.
 *
 * <pre>{@code
 * try (PersistenceModule persistence = new PersistenceModule(PersistenceSettings.forJdbcUrl(url))) {
 *   Injector injector = Guice.createInjector(persistence);
 *   TenantProvisioning tenants = injector.getInstance(TenantProvisioning.class);
 *   ...
 * } // closes the pool
 * }</pre>
 *
 * <p>Creating the injector opens the pool and, unless {@link PersistenceSettings#migrateOnStart()} is
 * off, brings the shared schema to the newest version, so a bad URL or an unreachable database
 * fails there, with the cause. A module instance serves one injector.
 */
public final class PersistenceModule extends PrivateModule implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PersistenceModule.class);
  /** Attempts per tenant when a migration cannot get its locks within the lock timeout. */
  private static final int MIGRATION_ATTEMPTS = 5;
  /** Crosslist's own mappers. */
  static final List<Class<?>> MAPPERS = List.of(ProductMapper.class, TenantRegistryMapper.class, JobMapper.class,
      BatchMapper.class, JobDispatchMapper.class, JobJournalMapper.class, TaskMapper.class, ListingMapper.class,
      ConnectionMapper.class, ConversationMapper.class, TickMapper.class, PollCursorMapper.class,
      OrderMapper.class, ImportMapper.class, SuggestionMapper.class);
  /**
   * The name of the data source this module exposes for the simulated marketplaces' own schema ({@code
   * crosslist_simulation}, shared migration V9): a stand-in for an external system's storage, not tenant data.
   */
  public static final String SIMULATION_DATA_SOURCE = "crosslist.simulation";
  private final PersistenceSettings settings;
  private ConnectionLanes lanes;

  public PersistenceModule(PersistenceSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  protected void configure() {
    if (lanes != null) {
      throw new IllegalStateException("a PersistenceModule serves one injector; create another for a second");
    }
    MapperRules.check(settings.hostMappers(), settings.tenantTracks()); // before any pool opens
    lanes = ConnectionLanes.open(settings);
    if (settings.pooler() == Pooler.TRANSACTION) {
      try {
        PoolerDefaults.ensure(lanes.anyLane());
      } catch (RuntimeException e) {
        lanes.close();
        throw e;
      }
    }
    SchemaMigrations migrations = new SchemaMigrations(lanes.anyLane());
    if (settings.migrateOnStart()) {
      migrations.migrateShared();
    }
    TenantMigrations tenantMigrations = new TenantMigrations(lanes.anyLane(), lanes::forTenant, settings.tenantTracks(),
        settings.migrationLockTimeout(), MIGRATION_ATTEMPTS);
    List<Class<?>> allMappers = new java.util.ArrayList<>(MAPPERS);
    allMappers.addAll(settings.hostMappers());
    CitusSchemas citus = new CitusSchemas(lanes.anyLane(), settings.citus(), allMappers, settings.tenantTracks());
    citus.start();
    // MyBatis's own data source goes unused: the unit of work hands every session its connection from a lane
    HikariDataSource pool = lanes.anyLane();
    install(new MyBatisModule() {
      @Override
      protected void initialize() {
        environmentId("crosslist");
        bindDataSourceProvider(() -> pool);
        bindTransactionFactoryType(JdbcTransactionFactory.class);
        bindDefaultScriptingLanguageType(TenantLanguageDriver.class);
        bindObjectFactoryType(RowObjectFactory.class);
        mapUnderscoreToCamelCase(true);
        useCacheEnabled(false);
        localCacheScope(LocalCacheScope.STATEMENT);
        failFast(true);
        MAPPERS.forEach(this::addMapperClass);
        settings.hostMappers().forEach(this::addMapperClass);
      }
    });
    bind(ConnectionLanes.class).toInstance(lanes);
    bind(MyBatisTenantMappers.HostMappers.class).toInstance(new MyBatisTenantMappers.HostMappers(
        settings.hostMappers()));
    bind(TenantMappers.class).to(MyBatisTenantMappers.class);
    if (settings.secretKeyset() == null) {
      LOG.warn("no secret keyset is configured: connecting a marketplace account is refused until one is ({})",
          SecretsNotConfiguredException.SETTING);
    }
    SecretCipher cipher = settings.secretKeyset() == null ? new UnconfiguredSecretCipher()
        : TinkSecretCipher.fromJsonKeyset(settings.secretKeyset());
    bind(SecretCipher.class).toInstance(cipher);
    bind(MarketplaceConnectionRepository.class).to(MyBatisConnectionRepository.class);
    bind(ConnectedTenantIndex.class).to(MyBatisConnectionRepository.class);
    bind(ConversationRepository.class).to(MyBatisConversationRepository.class);
    bind(TenantProvisioning.class).toInstance(!citus.active() ? tenantMigrations : tenant -> {
      TenantProvisioning.ProvisioningResult result = tenantMigrations.provision(tenant);
      if (result.created()) {
        citus.distributeNew(tenant);
      }
      return result;
    });
    bind(CitusSchemas.class).toInstance(citus);
    bind(TenantMigration.class).toInstance(tenantMigrations);
    bind(TenantRemoval.class).toInstance(new TenantRemover(lanes.anyLane()));
    bind(TenantArchive.class).toInstance(new TenantArchiveStore(lanes.anyLane(), lanes.anyLane(),
        tenantMigrations, cipher));
    bind(Readiness.class).toInstance(migrations);
    bind(UnitOfWork.class).to(MyBatisUnitOfWork.class);
    bind(ProductRepository.class).to(MyBatisProductRepository.class);
    bind(TenantDirectory.class).to(MyBatisTenantDirectory.class);
    bind(TenantSuspension.class).to(MyBatisTenantDirectory.class);
    bind(MarketplaceJobRepository.class).to(MyBatisJobRepository.class);
    bind(BatchRepository.class).to(MyBatisBatchRepository.class);
    bind(JobQueue.class).to(MyBatisJobQueue.class);
    bind(JobJournal.class).to(MyBatisJobJournal.class);
    bind(MarketplaceTaskRepository.class).to(MyBatisTaskRepository.class);
    bind(ListingRepository.class).to(MyBatisListingRepository.class);
    bind(OrderRepository.class).to(MyBatisOrderRepository.class);
    bind(ListingSuggestionRepository.class).to(MyBatisSuggestionRepository.class);
    bind(TickLedger.class).to(MyBatisTickLedger.class);
    bind(PollCursorRepository.class).to(MyBatisPollCursorRepository.class);
    bind(ProductImportRepository.class).to(MyBatisProductImportRepository.class);
    bind(ReferenceCatalog.class).to(MyBatisProductImportRepository.class);

    bind(javax.sql.DataSource.class).annotatedWith(com.google.inject.name.Names.named(SIMULATION_DATA_SOURCE))
        .toInstance(pool);
    expose(javax.sql.DataSource.class).annotatedWith(com.google.inject.name.Names.named(SIMULATION_DATA_SOURCE));
    expose(UnitOfWork.class);
    expose(TenantMappers.class);
    expose(ProductRepository.class);
    expose(TenantDirectory.class);
    expose(TenantSuspension.class);
    expose(TenantProvisioning.class);
    expose(TenantMigration.class);
    expose(TenantRemoval.class);
    expose(TenantArchive.class);
    expose(Readiness.class);
    expose(MarketplaceJobRepository.class);
    expose(BatchRepository.class);
    expose(JobQueue.class);
    expose(JobJournal.class);
    expose(MarketplaceTaskRepository.class);
    expose(ListingRepository.class);
    expose(OrderRepository.class);
    expose(ListingSuggestionRepository.class);
    expose(MarketplaceConnectionRepository.class);
    expose(ConnectedTenantIndex.class);
    expose(ConversationRepository.class);
    expose(TickLedger.class);
    expose(PollCursorRepository.class);
    expose(CitusSchemas.class);
    expose(ProductImportRepository.class);
    expose(ReferenceCatalog.class);
  }

  /** The connection pools' state now (for metrics); all zero before the module is installed. */
  public PoolStatistics poolStatistics() {
    return lanes == null ? new PoolStatistics(0, 0, 0, 0, 0, 0) : lanes.statistics();
  }

  /** Closes the connection pools. */
  @Override
  public void close() {
    if (lanes != null) {
      lanes.close();
    }
  }
}
