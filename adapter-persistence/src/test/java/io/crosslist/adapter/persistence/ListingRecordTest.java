package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.detailsTitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosslist.application.connection.service.RecordListingService;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Listings on real PostgreSQL: their details round-trip, and one (product, marketplace) is one row however synced. */
class ListingRecordTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private final Persistence db = Persistence.get();
  private final ListingRepository listings = db.injector.getInstance(ListingRepository.class);
  private final RecordListingService service = new RecordListingService(db.products, listings, db.unitOfWork);

  @Test
  void a_listing_keeps_its_price_and_times_through_its_life() {
    TenantId tenant = db.newTenant();
    Product p = db.products.add(tenant, Product.newDraft(detailsTitled("jacket"), T0));
    MarketplaceListing published = MarketplaceListing.published(p.id(), Marketplace.EBAY, "e-1", "https://x/e-1",
        Money.of("19.90", "EUR"), T0);
    service.record(tenant, published);
    assertEquals(published, listings.find(tenant, p.id(), Marketplace.EBAY).orElseThrow());
    MarketplaceListing sold = published.sold(T0.plusSeconds(3_600));
    service.record(tenant, sold);
    assertEquals(sold, listings.find(tenant, p.id(), Marketplace.EBAY).orElseThrow());
    assertEquals(MarketplaceListing.ListingStatus.SOLD, sold.status());
  }

  @Test
  void eight_concurrent_syncs_of_one_listing_leave_one_row() throws Exception {
    TenantId tenant = db.newTenant();
    Product p = db.products.add(tenant, Product.newDraft(detailsTitled("boots"), T0));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<MarketplaceListing>> syncs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        syncs.add(() -> service.record(tenant, MarketplaceListing.published(p.id(), Marketplace.VINTED, "v-1",
            "https://v/v-1", Money.of(n + ".00", "EUR"), T0.plusSeconds(n))));
      }
      for (Future<MarketplaceListing> f : threads.invokeAll(syncs)) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + TenantSqlRenderer.quotedSchema(tenant)
            + ".marketplace_listings")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void a_listing_of_an_unknown_product_is_refused_and_nothing_is_written() {
    TenantId tenant = db.newTenant();
    assertThrows(ProductNotFoundException.class, () -> service.record(tenant, MarketplaceListing.published(
        ProductId.of(42), Marketplace.ETSY, "x", "https://e/x", null, T0)));
    assertEquals(java.util.Optional.empty(), listings.find(tenant, ProductId.of(42), Marketplace.ETSY));
  }
}
