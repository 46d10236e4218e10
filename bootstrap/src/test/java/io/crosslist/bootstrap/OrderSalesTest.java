package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.connection.port.in.ListOrdersUseCase;
import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.application.job.handler.OrderRecorder;
import io.crosslist.application.job.handler.OrderRecorder.Outcome;
import io.crosslist.application.job.handler.OrderRecorder.Settlement;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.RetryPolicy;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.marketplace.MarketplaceListing.ListingStatus;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.marketplace.OrderSearch;
import io.crosslist.domain.marketplace.OrderStatus;
import io.crosslist.domain.marketplace.RecordedOrder;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.Page;
import io.crosslist.domain.product.ProductFixtures;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders on PostgreSQL with the simulated marketplaces, through the library's own wiring: Etsy's polled orders are
 * recorded, a sale on one marketplace withdraws the product's listings on the others, and an order that comes too
 * late is an oversell, also when two orders for the last unit are settled at the same time.
 */
class OrderSalesTest {
  private static final ClaimRequest ALL = new ClaimRequest(20, 20, 100, Duration.ofMinutes(5), Marketplace.BUILT_IN);
  private final Persistence db = Persistence.get();
  private final ListingRepository listings = db.injector.getInstance(ListingRepository.class);
  private final AtomicInteger failDeletes = new AtomicInteger();
  private SimulatedMarketplaceGateway vinted;
  private SimulatedMarketplaceGateway ebay;
  private SimulatedMarketplaceGateway etsy;
  private Injector wired;
  private JobExecutionService engine;
  private EnqueueJobUseCase enqueue;
  private ExecutorService threads;

  @BeforeEach
  void setUp() {
    db.clearDispatchIndex();
    threads = Executors.newFixedThreadPool(2);
    vinted = new SimulatedMarketplaceGateway(Marketplace.VINTED, SimulationSettings.INSTANT);
    ebay = new SimulatedMarketplaceGateway(Marketplace.EBAY, SimulationSettings.INSTANT);
    etsy = new SimulatedMarketplaceGateway(Marketplace.ETSY, SimulationSettings.INSTANT);
    // Vinted's delete answers 503 as often as failDeletes says, before it works
    var flakyVinted = new io.crosslist.domain.marketplace.MarketplaceGateway() {
      public Marketplace marketplace() {
        return Marketplace.VINTED;
      }

      public io.crosslist.domain.marketplace.ExternalListing createListing(TenantId a, String key, Product p) {
        return vinted.createListing(a, key, p);
      }

      public void updateListing(TenantId a, String id, Product p) {
        vinted.updateListing(a, id, p);
      }

      public void deleteListing(TenantId a, String id) {
        if (failDeletes.getAndDecrement() > 0) {
          throw new MarketplaceException(Marketplace.VINTED, true, "simulated 503 on delete");
        }
        vinted.deleteListing(a, id);
      }

      public io.crosslist.domain.marketplace.CataloguePage catalogue(TenantId a, int page, int size) {
        return vinted.catalogue(a, page, size);
      }

      public io.crosslist.domain.marketplace.ProductEnrichment enrich(TenantId a, Product p) {
        return vinted.enrich(a, p);
      }

      public List<MarketplaceOrder> ordersSince(TenantId a, Instant since) {
        return vinted.ordersSince(a, since);
      }
    };
    wired = db.injector.createChildInjector(new CrosslistModule(new MarketplaceGateways(List.of(flakyVinted, ebay,
        etsy))));
    enqueue = wired.getInstance(EnqueueJobUseCase.class);
    engine = new JobExecutionService(db.queue, db.jobs, db.journal, wired.getInstance(JobHandlers.class),
        db.unitOfWork, new JobRunSettings(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), 0),
        Duration.ZERO, Duration.ZERO), Clock.systemUTC(), new Random(7));
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
  }

  /** Claims and runs jobs of {@code claim}'s marketplaces until none is left. */
  private void runJobs(ClaimRequest claim) throws InterruptedException {
    for (int idle = 0; idle < 5; ) {
      List<ClaimedJob> claimed = engine.claim("orders-test", claim);
      idle = claimed.isEmpty() ? idle + 1 : 0;
      claimed.forEach(engine::run);
      Thread.sleep(claimed.isEmpty() ? 10 : 0);
    }
  }

  private void runJobs() throws InterruptedException {
    runJobs(ALL);
  }

  /** A product with {@code stock} units, published on each of {@code marketplaces}. */
  private Product listedOn(TenantId tenant, int stock, Marketplace... marketplaces) throws Exception {
    Product product = db.products.add(tenant, Product.newDraft(ProductFixtures.detailsTitled("Levi's 501")
        .withStockQuantity(stock), Instant.now()));
    for (Marketplace m : marketplaces) {
      enqueue.enqueue(tenant, JobRequest.of(m, JobAction.PUBLISH, product.id()));
    }
    runJobs();
    assertEquals(marketplaces.length, listings.listingsOf(tenant, product.id()).size());
    return db.products.findById(tenant, product.id()).orElseThrow();
  }

  private MarketplaceListing listing(TenantId tenant, Product product, Marketplace m) {
    return listings.find(tenant, product.id(), m).orElseThrow();
  }

  private Product reload(TenantId tenant, Product product) {
    return db.products.findById(tenant, product.id()).orElseThrow();
  }

  private List<RecordedOrder> orders(TenantId tenant, OrderSearch search) {
    return wired.getInstance(ListOrdersUseCase.class).orders(tenant, search).items();
  }

  private List<MarketplaceJob> jobs(TenantId tenant, Marketplace m, JobAction action) {
    return db.jobs.search(tenant, JobSearch.firstPage().withLimit(100)).items().stream()
        .filter(j -> j.marketplace().equals(m) && j.action().equals(action)).toList();
  }

  private List<MarketplaceError> oversells(TenantId tenant) {
    return db.journal.recentErrors(tenant, 100).stream().filter(e -> e.errorType().equals("OVERSELL")).toList();
  }

  @Test
  void an_etsy_order_polled_then_run_is_recorded_once_and_takes_the_stock() throws Exception {
    TenantId tenant = db.newTenant();
    Product product = listedOn(tenant, 2, Marketplace.ETSY);
    MarketplaceOrder order = etsy.sell(tenant, listing(tenant, product, Marketplace.ETSY).externalId(), 1);

    assertEquals(1, wired.getInstance(PollOrdersUseCase.class).poll(tenant, Marketplace.ETSY));
    RecordedOrder received = orders(tenant, OrderSearch.firstPage()).get(0);
    assertEquals(OrderStatus.RECEIVED, received.status(), "recorded when polled, settled by its job");
    assertEquals(2, reload(tenant, product).details().stockQuantity());
    runJobs();

    MarketplaceJob job = jobs(tenant, Marketplace.ETSY, JobAction.SYNC_ORDERS).get(0);
    assertEquals(JobStatus.COMPLETED, job.status(), job.lastError());
    assertEquals("order-poll:etsy:" + order.externalId(), job.idempotencyKey());
    RecordedOrder settled = orders(tenant, OrderSearch.firstPage()).get(0);
    assertEquals(OrderStatus.ACCEPTED, settled.status());
    assertEquals(product.id(), settled.product());
    assertEquals(job.id(), settled.job());
    assertEquals(order.listingExternalId(), settled.listingExternalId());
    assertEquals(1, reload(tenant, product).details().stockQuantity());
    assertEquals(ProductStatus.PUBLISHED, reload(tenant, product).status());

    // the job runs again (at-least-once), and the poll sees the order again: nothing changes twice
    JobHandler handler = wired.getInstance(JobHandlers.class).find(Marketplace.ETSY, JobAction.SYNC_ORDERS)
        .orElseThrow();
    JobHandler.JobOutcome again = handler.handle(new JobHandler.JobContext(tenant, job, p -> { }, () -> false));
    assertTrue(again.toString().contains("ALREADY_SETTLED"), again.toString());
    assertEquals(0, wired.getInstance(PollOrdersUseCase.class).poll(tenant, Marketplace.ETSY));
    runJobs();
    assertEquals(1, reload(tenant, product).details().stockQuantity());
    assertEquals(1, orders(tenant, OrderSearch.firstPage()).size());

    // the last unit sells on Etsy: the product is SOLD, so is its Etsy listing
    etsy.sell(tenant, listing(tenant, product, Marketplace.ETSY).externalId(), 1);
    wired.getInstance(PollOrdersUseCase.class).poll(tenant, Marketplace.ETSY);
    runJobs();
    assertEquals(ProductStatus.SOLD, reload(tenant, product).status());
    assertEquals(0, reload(tenant, product).details().stockQuantity());
    assertEquals(ListingStatus.SOLD, listing(tenant, product, Marketplace.ETSY).status());
    assertEquals(List.of(), oversells(tenant));
  }

  @Test
  void an_etsy_job_whose_order_was_not_stored_fetches_it_and_one_for_an_unknown_receipt_fails_naming_it()
      throws Exception {
    TenantId tenant = db.newTenant();
    Product product = listedOn(tenant, 3, Marketplace.ETSY);
    MarketplaceOrder order = etsy.sell(tenant, listing(tenant, product, Marketplace.ETSY).externalId(), 2);
    // as the poller of an older build left them: the job, and no RECEIVED order
    enqueue.enqueue(tenant, JobRequest.of(Marketplace.ETSY, JobAction.SYNC_ORDERS, null)
        .withIdempotencyKey("order-poll:etsy:" + order.externalId()));
    enqueue.enqueue(tenant, JobRequest.of(Marketplace.ETSY, JobAction.SYNC_ORDERS, null)
        .withIdempotencyKey("order-poll:etsy:no-such-receipt"));
    runJobs();

    assertEquals(1, reload(tenant, product).details().stockQuantity());
    assertEquals(List.of(OrderStatus.ACCEPTED), orders(tenant, OrderSearch.firstPage()).stream()
        .map(RecordedOrder::status).toList());
    MarketplaceJob unknown = jobs(tenant, Marketplace.ETSY, JobAction.SYNC_ORDERS).stream()
        .filter(j -> j.idempotencyKey().endsWith("no-such-receipt")).findFirst().orElseThrow();
    assertEquals(JobStatus.FAILED, unknown.status());
    assertEquals(1, unknown.attempts(), "refused at once: no attempt would find it");
    assertTrue(unknown.lastError().startsWith("ETSY order no-such-receipt is not among the orders Etsy reports"),
        unknown.lastError());
  }

  @Test
  void a_sale_on_ebay_withdraws_the_listings_on_vinted_and_etsy_once_with_retries() throws Exception {
    TenantId tenant = db.newTenant();
    Product product = listedOn(tenant, 1, Marketplace.VINTED, Marketplace.EBAY, Marketplace.ETSY);
    String vintedId = listing(tenant, product, Marketplace.VINTED).externalId();
    String etsyId = listing(tenant, product, Marketplace.ETSY).externalId();
    ebay.sell(tenant, listing(tenant, product, Marketplace.EBAY).externalId(), 1);
    failDeletes.set(2); // Vinted's delete fails twice, then works

    enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    runJobs(new ClaimRequest(20, 20, 100, Duration.ofMinutes(5), List.of(Marketplace.EBAY)));
    MarketplaceJob sync = jobs(tenant, Marketplace.EBAY, JobAction.SYNC_ORDERS).get(0);
    assertEquals("{\"new\": 1, \"sold\": 1, \"orders\": 1, \"oversold\": 0, \"withdrawn\": 2}", sync.result());
    assertEquals(ProductStatus.SOLD, reload(tenant, product).status());
    assertEquals(ListingStatus.SOLD, listing(tenant, product, Marketplace.EBAY).status());
    assertNull(listing(tenant, product, Marketplace.EBAY).withdrawal(), "it sold there: nothing to withdraw");

    // before the delete jobs run, the listings say they are being withdrawn, and by which job
    for (Marketplace m : List.of(Marketplace.VINTED, Marketplace.ETSY)) {
      MarketplaceListing withdrawn = listing(tenant, product, m);
      assertEquals(ListingStatus.ACTIVE, withdrawn.status());
      assertNotNull(withdrawn.withdrawal(), m + " listing names its withdrawal");
      MarketplaceJob delete = db.jobs.findById(tenant, withdrawn.withdrawal().job()).orElseThrow();
      assertEquals(JobAction.DELETE, delete.action());
      assertEquals(m, delete.marketplace());
      assertEquals(product.id(), delete.product());
      assertTrue(withdrawn.withdrawal().reason().startsWith("sold out by EBAY order ebay-order-"),
          withdrawn.withdrawal().reason());
    }
    runJobs();
    for (Marketplace m : List.of(Marketplace.VINTED, Marketplace.ETSY)) {
      MarketplaceJob delete = jobs(tenant, m, JobAction.DELETE).get(0);
      assertEquals(JobStatus.COMPLETED, delete.status(), delete.lastError());
      assertEquals(ListingStatus.DELETED, listing(tenant, product, m).status());
    }
    assertEquals(3, jobs(tenant, Marketplace.VINTED, JobAction.DELETE).get(0).attempts(), "two 503s, then done");
    assertFalse(vinted.isActive(vintedId), "gone from Vinted");
    assertFalse(etsy.isActive(etsyId), "gone from Etsy");

    // syncing again enqueues no second delete
    enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    runJobs();
    assertEquals(1, jobs(tenant, Marketplace.VINTED, JobAction.DELETE).size());
    assertEquals(1, jobs(tenant, Marketplace.ETSY, JobAction.DELETE).size());
    assertEquals(List.of(), oversells(tenant));
  }

  @Test
  void an_order_for_a_product_sold_out_elsewhere_is_an_oversell_in_the_error_log_and_the_orders() throws Exception {
    TenantId tenant = db.newTenant();
    Product product = listedOn(tenant, 1, Marketplace.EBAY, Marketplace.ETSY);
    ebay.sell(tenant, listing(tenant, product, Marketplace.EBAY).externalId(), 1);
    // the Etsy buyer orders before the withdrawal reaches Etsy
    MarketplaceOrder late = etsy.sell(tenant, listing(tenant, product, Marketplace.ETSY).externalId(), 1);
    enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    runJobs();
    wired.getInstance(PollOrdersUseCase.class).poll(tenant, Marketplace.ETSY);
    runJobs();

    List<RecordedOrder> oversold = orders(tenant, OrderSearch.firstPage().onlyOversold(true));
    assertEquals(List.of(late.externalId()), oversold.stream().map(RecordedOrder::externalId).toList());
    assertEquals(Marketplace.ETSY, oversold.get(0).marketplace());
    assertEquals(product.id(), oversold.get(0).product());
    assertEquals(List.of(Marketplace.EBAY), orders(tenant, OrderSearch.firstPage().onlyOversold(false)).stream()
        .map(RecordedOrder::marketplace).toList());
    List<MarketplaceError> logged = oversells(tenant);
    assertEquals(1, logged.size());
    MarketplaceError error = logged.get(0);
    assertEquals(Marketplace.ETSY, error.marketplace());
    assertTrue(error.message().contains("ETSY order " + late.externalId()), error.message());
    assertTrue(error.message().contains("product " + product.id() + " \"Levi's 501\""), error.message());
    assertTrue(error.message().contains("cancel the order on ETSY"), error.message());
    assertEquals(0, reload(tenant, product).details().stockQuantity(), "an oversell takes nothing more");
    assertEquals(ProductStatus.SOLD, reload(tenant, product).status());
    assertEquals(1, jobs(tenant, Marketplace.ETSY, JobAction.DELETE).size());
  }

  @Test
  void two_orders_for_the_last_unit_run_at_once_on_two_marketplaces_one_takes_it_the_other_is_oversold()
      throws Exception {
    for (int round = 0; round < 6; round++) {
      if (round > 0) { // each round on fresh simulated marketplaces
        tearDown();
        setUp();
      }
      TenantId tenant = db.newTenant();
      Product product = listedOn(tenant, 1, Marketplace.VINTED, Marketplace.EBAY, Marketplace.ETSY);
      ebay.sell(tenant, listing(tenant, product, Marketplace.EBAY).externalId(), 1);
      etsy.sell(tenant, listing(tenant, product, Marketplace.ETSY).externalId(), 1);
      enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
      wired.getInstance(PollOrdersUseCase.class).poll(tenant, Marketplace.ETSY);

      // two workers, one claiming eBay's jobs and one Etsy's, released together
      CyclicBarrier go = new CyclicBarrier(2);
      List<Future<?>> workers = new ArrayList<>();
      for (Marketplace m : List.of(Marketplace.EBAY, Marketplace.ETSY)) {
        ClaimRequest only = new ClaimRequest(20, 20, 100, Duration.ofMinutes(5), List.of(m));
        workers.add(threads.submit(() -> {
          List<ClaimedJob> claimed = engine.claim("worker-" + m, only);
          go.await(10, TimeUnit.SECONDS);
          claimed.forEach(engine::run);
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(1, TimeUnit.MINUTES);
      }
      runJobs();

      List<RecordedOrder> all = orders(tenant, OrderSearch.firstPage());
      assertEquals(2, all.size(), "round " + round);
      assertEquals(1, all.stream().filter(o -> o.status() == OrderStatus.ACCEPTED).count(), "round " + round);
      assertEquals(1, all.stream().filter(o -> o.status() == OrderStatus.OVERSOLD).count(), "round " + round);
      RecordedOrder lost = all.stream().filter(RecordedOrder::oversold).findFirst().orElseThrow();
      assertEquals(1, oversells(tenant).size(), "round " + round);
      assertEquals(lost.marketplace(), oversells(tenant).get(0).marketplace());
      assertEquals(0, reload(tenant, product).details().stockQuantity());
      assertEquals(ProductStatus.SOLD, reload(tenant, product).status());
      assertEquals(1, jobs(tenant, Marketplace.VINTED, JobAction.DELETE).size(), "round " + round);
      assertEquals(ListingStatus.DELETED, listing(tenant, product, Marketplace.VINTED).status());
      assertEquals(ListingStatus.SOLD, listing(tenant, product, Marketplace.EBAY).status(), "sold there");
      assertEquals(ListingStatus.SOLD, listing(tenant, product, Marketplace.ETSY).status(), "sold there");
    }
  }

  /**
   * Both settlements read the last unit before either writes (a barrier holds them there): the product's version
   * lets only one write, and the other settles again on what the first left, as an oversell.
   */
  @Test
  void when_both_orders_read_the_last_unit_first_the_later_writer_is_oversold_and_no_update_is_lost()
      throws Exception {
    for (int round = 0; round < 5; round++) {
      TenantId tenant = db.newTenant();
      Product product = listedOn(tenant, 1, Marketplace.VINTED, Marketplace.EBAY, Marketplace.ETSY);
      MarketplaceOrder onEbay = ebay.sell(tenant, listing(tenant, product, Marketplace.EBAY).externalId(), 1);
      MarketplaceOrder onEtsy = etsy.sell(tenant, listing(tenant, product, Marketplace.ETSY).externalId(), 1);
      CyclicBarrier bothRead = new CyclicBarrier(2);
      AtomicInteger reads = new AtomicInteger();
      OrderRecorder recorder = new OrderRecorder(new BarrierProducts(db.products, () -> {
        if (reads.incrementAndGet() <= 2) { // the first read of each; a retry goes straight on
          bothRead.await(10, TimeUnit.SECONDS);
        }
      }), listings, wired.getInstance(OrderRepository.class), db.journal, enqueue, db.unitOfWork,
          Clock.systemUTC());
      Future<Settlement> first = threads.submit(() -> recorder.record(tenant, Marketplace.EBAY, onEbay, null));
      Future<Settlement> second = threads.submit(() -> recorder.record(tenant, Marketplace.ETSY, onEtsy, null));
      List<Outcome> outcomes = List.of(first.get(1, TimeUnit.MINUTES).outcome(),
          second.get(1, TimeUnit.MINUTES).outcome());

      assertEquals(3, reads.get(), "round " + round + ": one settlement read the product again after a conflict");
      assertTrue(outcomes.contains(Outcome.SOLD_OUT) && outcomes.contains(Outcome.OVERSOLD), outcomes.toString());
      assertEquals(0, reload(tenant, product).details().stockQuantity());
      assertEquals(ProductStatus.SOLD, reload(tenant, product).status());
      assertEquals(1, oversells(tenant).size());
      assertEquals(1, orders(tenant, OrderSearch.firstPage().onlyOversold(true)).size());
      assertEquals(1, jobs(tenant, Marketplace.VINTED, JobAction.DELETE).size());
    }
  }

  /** Runs {@code hook} before each product read, then reads. */
  private static final class BarrierProducts implements ProductRepository {
    interface Hook {
      void run() throws Exception;
    }

    private final ProductRepository delegate;
    private final Hook hook;

    BarrierProducts(ProductRepository delegate, Hook hook) {
      this.delegate = delegate;
      this.hook = hook;
    }

    @Override
    public Optional<Product> findById(TenantId tenant, ProductId id) {
      try {
        hook.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return delegate.findById(tenant, id);
    }

    @Override
    public Product add(TenantId tenant, Product product) {
      return delegate.add(tenant, product);
    }

    @Override
    public Product update(TenantId tenant, Product product) {
      return delegate.update(tenant, product);
    }

    @Override
    public boolean softDelete(TenantId tenant, ProductId id, Instant at) {
      return delegate.softDelete(tenant, id, at);
    }

    @Override
    public Page<Product> search(TenantId tenant, ProductSearch search) {
      return delegate.search(tenant, search);
    }

    @Override
    public int softDeleteDraftsNotUpdatedSince(TenantId tenant, Instant cutoff, Instant at) {
      return delegate.softDeleteDraftsNotUpdatedSince(tenant, cutoff, at);
    }

    @Override
    public java.util.Map<String, Product> findBySkus(TenantId tenant, java.util.Collection<String> skus) {
      return delegate.findBySkus(tenant, skus);
    }
  }
}
