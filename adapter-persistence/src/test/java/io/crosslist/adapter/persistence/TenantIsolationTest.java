package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.detailsTitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rows never cross tenants: same ids in two schemas, many tenants on one pool, and connection reuse. */
class TenantIsolationTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final Persistence db = Persistence.get();

  /** The tenant a product belongs to is written into its title, so every read can be checked. */
  private static String titleFor(TenantId tenant, int n) {
    return "owner=" + tenant.value() + " n=" + n;
  }

  @Test
  void two_tenants_with_identical_ids_hold_different_rows_and_never_see_each_other() {
    TenantId a = db.newTenant();
    TenantId b = db.newTenant();
    Product inA = db.products.add(a, Product.newDraft(detailsTitled(titleFor(a, 1)), NOW));
    Product inB = db.products.add(b, Product.newDraft(detailsTitled(titleFor(b, 1)), NOW));
    assertEquals(inA.id(), inB.id(), "each schema numbers its own products");

    assertEquals(titleFor(a, 1), db.products.findById(a, inA.id()).orElseThrow().details().title());
    assertEquals(titleFor(b, 1), db.products.findById(b, inB.id()).orElseThrow().details().title());
    db.products.softDelete(a, inA.id(), NOW);
    assertTrue(db.products.findById(a, inA.id()).isEmpty());
    assertEquals(titleFor(b, 1), db.products.findById(b, inB.id()).orElseThrow().details().title(),
        "deleting A's product 1 left B's product 1 alone");
    assertEquals(List.of(titleFor(b, 1)), db.products.search(b, ProductSearch.firstPage()).items().stream()
        .map(p -> p.details().title()).toList());
  }

  @Test
  void thirty_two_threads_over_two_hundred_tenants_on_one_pool_read_only_their_own_rows() throws Exception {
    List<TenantId> tenants = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      TenantId t = db.newTenant();
      tenants.add(t);
      for (int n = 1; n <= 3; n++) {
        db.products.add(t, Product.newDraft(detailsTitled(titleFor(t, n)), NOW));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    AtomicInteger reads = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int thread = 0; thread < 32; thread++) {
      long seed = thread;
      futures.add(pool.submit(() -> {
        Random random = new Random(seed);
        for (int i = 0; i < 150; i++) {
          TenantId t = tenants.get(random.nextInt(tenants.size()));
          int n = 1 + random.nextInt(3);
          Product p = random.nextBoolean()
              ? db.products.findById(t, ProductId.of(n)).orElseThrow()
              : db.unitOfWork.inTransaction(t, () -> db.products.findById(t, ProductId.of(n)).orElseThrow());
          assertEquals(titleFor(t, n), p.details().title());
          db.products.search(t, ProductSearch.firstPage()).items()
              .forEach(row -> assertTrue(row.details().title().startsWith("owner=" + t.value() + " ")));
          reads.incrementAndGet();
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES); // rethrows any assertion failure of a worker
    }
    assertEquals(32 * 150, reads.get());
  }

  @Test
  void a_rollback_or_an_exception_mid_transaction_leaves_the_next_borrower_unaffected() throws Exception {
    // One connection, so the next borrower is certainly the same physical connection.
    try (PersistenceModule single = new PersistenceModule(TestDatabase.get().settings().withMaximumPoolSize(1))) {
      Injector injector = Guice.createInjector(single);
      UnitOfWork uow = injector.getInstance(UnitOfWork.class);
      ProductRepository products = injector.getInstance(ProductRepository.class);
      TenantId a = db.newTenant();
      TenantId b = db.newTenant();

      RuntimeException boom = new IllegalStateException("handler failed mid-transaction");
      assertEquals(boom, assertThrows(IllegalStateException.class, () -> uow.inTransaction(a, () -> {
        products.add(a, Product.newDraft(detailsTitled("never committed"), NOW));
        throw boom;
      })));
      // a statement error aborts the transaction inside PostgreSQL; it must not leak either
      assertThrows(RuntimeException.class, () -> uow.inTransaction(a, () -> {
        products.add(a, Product.newDraft(detailsTitled("never committed"), NOW));
        return products.add(a, Product.newDraft(new io.crosslist.domain.product.ProductDetails("x", "", 
            io.crosslist.domain.product.Money.of("1", "EUR"), "no-such-brand", "womens-shoes", "good", null, null, 0,
            List.of()), NOW));
      }));

      assertTrue(products.search(a, ProductSearch.firstPage()).items().isEmpty(), "nothing of A was committed");
      Product inB = uow.inTransaction(b, () -> products.add(b, Product.newDraft(detailsTitled("B's"), NOW)));
      assertEquals("B's", products.findById(b, inB.id()).orElseThrow().details().title());
      assertTrue(products.search(a, ProductSearch.firstPage()).items().isEmpty());
    }
  }
}
