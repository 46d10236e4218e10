package io.crosslist.library;

import com.google.inject.name.Named;
import io.crosslist.adapter.marketplace.JdbcSimulatedListings;
import io.crosslist.adapter.marketplace.SimulatedListings;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The listings of the simulated marketplaces a {@link CrosslistModule} binds: built before the injector, so they
 * start in memory, and are kept in the database ({@link JdbcSimulatedListings}, schema {@code crosslist_simulation})
 * from the moment the injector that holds the module is created, before any job runs.
 */
final class SimulatedListingsBinding implements SimulatedListings {
  private volatile SimulatedListings store = SimulatedListings.inMemory();

  @Inject
  void connect(@Named(PersistenceModule.SIMULATION_DATA_SOURCE) DataSource dataSource) {
    store = new JdbcSimulatedListings(dataSource);
  }

  @Override
  public Listed createOnce(Marketplace marketplace, TenantId account, String idempotencyKey, String title, Money price,
      Instant now) {
    return store.createOnce(marketplace, account, idempotencyKey, title, price, now);
  }

  @Override
  public Optional<Listed> find(Marketplace marketplace, String externalId) {
    return store.find(marketplace, externalId);
  }

  @Override
  public void update(Listed listing) {
    store.update(listing);
  }

  @Override
  public List<Listed> listedSince(Marketplace marketplace, TenantId account, Instant since) {
    return store.listedSince(marketplace, account, since);
  }

  @Override
  public int count(Marketplace marketplace) {
    return store.count(marketplace);
  }
}
