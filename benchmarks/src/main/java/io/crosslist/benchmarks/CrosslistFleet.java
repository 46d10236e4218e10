package io.crosslist.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import io.crosslist.application.tenant.TenantFleetService;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantMigration;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantRemoval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Crosslist as a host runs it: the persistence module (which migrates the shared schema when it opens) and the
 * fleet operations built from its ports, as bootstrap builds them.
 */
final class CrosslistFleet implements AutoCloseable {
  private final PersistenceModule module;
  private final TenantFleetService fleet;
  private final ProductRepository products;
  private final int parallel;

  private CrosslistFleet(PersistenceModule module, int parallel) {
    this.module = module;
    this.parallel = parallel;
    Injector injector = Guice.createInjector(module);
    this.fleet = new TenantFleetService(injector.getInstance(TenantProvisioning.class),
        injector.getInstance(TenantMigration.class), injector.getInstance(TenantRemoval.class));
    this.products = injector.getInstance(ProductRepository.class);
  }

  /**
   * The settings: Crosslist's defaults (10 connections in lanes of about 4), except that the lanes grow with
   * {@code parallel} so that the lane the fleet operations run on holds {@code parallel} connections and one
   * to spare (with 4, this is what the defaults give: two lanes of 5).
   */
  static PersistenceSettings settings(ScratchDatabase database, int parallel, List<MigrationTrack> hostTracks) {
    PersistenceSettings settings = PersistenceSettings.forJdbcUrl(database.jdbcUrl())
        .withMaximumPoolSize(Math.max(PersistenceSettings.DEFAULT_POOL_SIZE, 2 * (parallel + 1)))
        .withConnectionsPerTenant(Math.max(PersistenceSettings.DEFAULT_CONNECTIONS_PER_TENANT, parallel + 1));
    for (MigrationTrack track : hostTracks) {
      settings = settings.withTenantTrack(track);
    }
    return settings;
  }

  static CrosslistFleet open(ScratchDatabase database, int parallel, List<MigrationTrack> hostTracks) {
    return new CrosslistFleet(new PersistenceModule(settings(database, parallel, hostTracks)), parallel);
  }

  /** ProvisionTenantsUseCase over {@code tenants}, {@code parallel} at a time, while {@code timeline}'s clock runs. */
  void provision(List<TenantId> tenants, FleetTimeline timeline) {
    List<String> failures = new ArrayList<>();
    timeline.start();
    try {
      requireNoFailure(fleet.provision(tenants, parallel, progress(timeline, failures)), failures);
    } finally {
      timeline.stop();
    }
  }

  /**
   * MigrateTenantsUseCase over {@code tenants} (named, as {@code crosslist tenants migrate --tenants} does; the
   * listing of every tenant behind is timed apart), {@code parallel} at a time, while the clock runs.
   */
  void migrate(List<TenantId> tenants, FleetTimeline timeline) {
    List<String> failures = new ArrayList<>();
    timeline.start();
    try {
      requireNoFailure(fleet.migrate(new MigrateTenantsCommand(tenants, parallel), progress(timeline, failures)),
          failures);
    } finally {
      timeline.stop();
    }
  }

  /** How many tenants the plan of a fleet migration names (from the registry alone). */
  int behind() {
    return fleet.plan(MigrateTenantsCommand.everyTenantBehind(parallel)).tenants().size();
  }

  /** The time of {@code runs} plans of a fleet migration with nothing pending, ms; the first is the cold one. */
  double[] noOpPlanMillis(int runs) {
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long began = System.nanoTime();
      int behind = behind();
      millis[i] = (System.nanoTime() - began) / 1e6;
      if (behind != 0) {
        throw new IllegalStateException("the no-op check found " + behind + " tenants behind; expected none");
      }
    }
    return millis;
  }

  /** Provisions {@code tenant} (every track) with one product in it; returns the product's id. */
  ProductId provisionWithProduct(TenantId tenant) {
    fleet.provision(List.of(tenant), 1, SweepProgress.NONE);
    ProductDetails details = new ProductDetails("Probe product", "Read while the fleet migrates",
        Money.of("9.99", "EUR"), "nike", "womens-shoes", "good", "m", "black", 1, List.of());
    return products.add(tenant, Product.newDraft(details, Instant.now())).id();
  }

  /** One request of a tenant: reading one product, as a product page would. */
  Runnable readProduct(TenantId tenant, ProductId product) {
    return () -> products.findById(tenant, product).orElseThrow();
  }

  private static SweepProgress progress(FleetTimeline timeline, List<String> failures) {
    return (tenant, failure) -> {
      if (failure == null) {
        timeline.done();
      } else {
        failures.add(failure.toString());
      }
    };
  }

  private static void requireNoFailure(RunSummary summary, List<String> failures) {
    if (summary.failed() > 0) {
      throw new IllegalStateException(summary + "; failures: " + failures);
    }
  }

  @Override
  public void close() {
    module.close();
  }
}
