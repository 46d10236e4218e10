package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import io.crosslist.adapter.marketplace.JdbcSimulatedListings;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.domain.marketplace.ExternalListing;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductFixtures;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The simulated marketplace keeps its listings in the database (schema crosslist_simulation): a second gateway over
 * the same database, as after a restart of the process, never hands out an id again and answers a repeated
 * idempotency key with the first listing.
 */
class SimulatedMarketplaceStoreTest {
  private final Persistence db = Persistence.get();
  private final DataSource dataSource = db.injector.getInstance(Key.get(DataSource.class,
      Names.named(PersistenceModule.SIMULATION_DATA_SOURCE)));
  private final Product product = Product.newDraft(ProductFixtures.detailsTitled("Levi's 501"), Instant.now());

  @Test
  void a_restarted_gateway_never_reuses_an_id_and_remembers_idempotency_keys() {
    TenantId account = db.newTenant();
    String key = "publish-" + UUID.randomUUID();
    SimulatedMarketplaceGateway before = new SimulatedMarketplaceGateway(Marketplace.VINTED,
        SimulationSettings.INSTANT, new JdbcSimulatedListings(dataSource));
    ExternalListing first = before.createListing(account, key, product);
    ExternalListing second = before.createListing(account, key + "-b", product);

    SimulatedMarketplaceGateway restarted = new SimulatedMarketplaceGateway(Marketplace.VINTED,
        SimulationSettings.INSTANT, new JdbcSimulatedListings(dataSource));
    assertEquals(first, restarted.createListing(account, key, product), "the same key gives the first listing");
    ExternalListing third = restarted.createListing(account, key + "-c", product);
    Set<String> ids = new HashSet<>(Set.of(first.externalId(), second.externalId(), third.externalId()));
    assertEquals(3, ids.size(), "no id handed out twice: " + ids);
    assertTrue(number(third) > number(second), third + " after " + second);
    assertTrue(restarted.isActive(first.externalId()), "the restarted gateway knows the listings made before");
    restarted.deleteListing(account, first.externalId());
    assertFalse(before.isActive(first.externalId()), "both see one store");
    assertNotEquals(first, restarted.createListing(TenantId.of(account.value() + 1), key, product),
        "a key is per account");
  }

  @Test
  void the_library_binds_the_database_store_so_two_injectors_share_the_ids() {
    TenantId account = db.newTenant();
    String key = "publish-" + UUID.randomUUID();
    MarketplaceGateway one = gateway(db.injector.createChildInjector(new CrosslistModule()));
    MarketplaceGateway two = gateway(db.injector.createChildInjector(new CrosslistModule()));

    ExternalListing first = one.createListing(account, key, product);
    assertEquals(first, two.createListing(account, key, product));
    ExternalListing next = two.createListing(account, key + "-next", product);
    assertTrue(number(next) > number(first), next + " after " + first);
  }

  private static MarketplaceGateway gateway(Injector injector) {
    return injector.getInstance(MarketplaceGateways.class).find(Marketplace.VINTED).orElseThrow();
  }

  private static long number(ExternalListing listing) {
    return Long.parseLong(listing.externalId().substring(listing.externalId().lastIndexOf('-') + 1));
  }
}
