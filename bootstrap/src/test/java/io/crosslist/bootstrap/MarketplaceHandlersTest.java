package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.application.job.handler.OrderRecorder;
import io.crosslist.application.job.handler.StandardHandlers;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceTask;
import io.crosslist.domain.job.RetryPolicy;
import io.crosslist.domain.job.TaskStatus;
import io.crosslist.domain.marketplace.CataloguePage;
import io.crosslist.domain.marketplace.ExternalListing;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.ProductEnrichment;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductFixtures;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped handlers, run by the engine on PostgreSQL against simulated marketplaces. */
class MarketplaceHandlersTest {
  private static final ClaimRequest CLAIM = new ClaimRequest(20, 20, 100, Duration.ofMinutes(5),
      Marketplace.BUILT_IN);
  private final Persistence db = Persistence.get();
  private final ListingRepository listings = db.injector.getInstance(ListingRepository.class);
  private final SimulatedMarketplaceGateway vinted =
      new SimulatedMarketplaceGateway(Marketplace.VINTED, SimulationSettings.INSTANT);
  private final ExecutorService enrichmentPool = Executors.newFixedThreadPool(8);
  private JobExecutionService engine;

  @BeforeEach
  void setUp() {
    db.clearDispatchIndex();
    engine = engineWith(new SimulatedMarketplaceGateway(Marketplace.EBAY, SimulationSettings.INSTANT), 3);
  }

  @AfterEach
  void tearDown() {
    enrichmentPool.shutdownNow();
  }

  private JobExecutionService engineWith(MarketplaceGateway ebay, int enrichmentParallelism) {
    MarketplaceGateways gateways = new MarketplaceGateways(List.of(vinted, ebay));
    // the withdrawals of sold-out products are enqueued through the normal enqueue use case, over these handlers
    AtomicReference<JobEnqueueService> enqueue = new AtomicReference<>();
    OrderRecorder orders = new OrderRecorder(db.products, listings,
        db.injector.getInstance(io.crosslist.domain.marketplace.OrderRepository.class), db.journal,
        (tenant, request) -> enqueue.get().enqueue(tenant, request), db.unitOfWork, Clock.systemUTC());
    JobHandlers handlers = new JobHandlers(StandardHandlers.create(gateways, db.products, listings, db.tasks,
        db.unitOfWork, Clock.systemUTC(), enrichmentPool, enrichmentParallelism, orders));
    enqueue.set(new JobEnqueueService(db.jobs, db.batches, db.products, db.unitOfWork, Clock.systemUTC(), handlers));
    return new JobExecutionService(db.queue, db.jobs, db.journal, handlers,
        db.unitOfWork, new JobRunSettings(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), 0),
        Duration.ZERO, Duration.ZERO), Clock.systemUTC(), new Random(5));
  }

  private Product draft(TenantId tenant, String title) {
    return db.products.add(tenant, Product.newDraft(ProductFixtures.detailsTitled(title), Instant.now()));
  }

  private MarketplaceJob run(TenantId tenant, JobRequest request) throws InterruptedException {
    MarketplaceJob job = db.jobs.enqueue(tenant, MarketplaceJob.pending(request, Instant.now()));
    for (int idle = 0; idle < 5; ) {
      List<ClaimedJob> claimed = engine.claim("handlers", CLAIM);
      idle = claimed.isEmpty() ? idle + 1 : 0;
      claimed.forEach(engine::run);
      Thread.sleep(claimed.isEmpty() ? 10 : 0);
    }
    return db.jobs.findById(tenant, job.id()).orElseThrow();
  }

  @Test
  void publishing_lists_the_product_once_records_the_listing_and_publishes_the_draft() throws Exception {
    TenantId tenant = db.newTenant();
    Product product = draft(tenant, "Levi's 501");
    MarketplaceJob job = run(tenant, JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, product.id())
        .withIdempotencyKey("publish-501"));

    assertEquals(JobStatus.COMPLETED, job.status(), job.lastError());
    MarketplaceListing listing = listings.find(tenant, product.id(), Marketplace.VINTED).orElseThrow();
    assertEquals(MarketplaceListing.ListingStatus.ACTIVE, listing.status());
    assertTrue(job.result().contains(listing.externalId()), job.result());
    assertEquals(ProductStatus.PUBLISHED, db.products.findById(tenant, product.id()).orElseThrow().status());

    // the job runs again (at-least-once): the idempotency key keeps the marketplace from listing twice
    var handler = new io.crosslist.application.job.handler.PublishListingHandler(vinted, db.products, listings,
        db.unitOfWork, Clock.systemUTC());
    handler.handle(new io.crosslist.domain.job.JobHandler.JobContext(tenant, job, p -> { }, () -> false));
    assertEquals(1, vinted.listingsCreated());
  }

  @Test
  void update_and_delete_act_on_the_recorded_listing_and_delete_is_idempotent() throws Exception {
    TenantId tenant = db.newTenant();
    Product product = draft(tenant, "Zara coat");
    run(tenant, JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, product.id()));
    String externalId = listings.find(tenant, product.id(), Marketplace.VINTED).orElseThrow().externalId();

    // PostgreSQL stores results as jsonb, which orders keys by length
    assertEquals(JobStatus.COMPLETED, run(tenant, JobRequest.of(Marketplace.VINTED, JobAction.UPDATE, product.id()))
        .status());
    assertEquals(JobStatus.COMPLETED, run(tenant, JobRequest.of(Marketplace.VINTED, JobAction.DELETE, product.id()))
        .status());
    assertEquals(MarketplaceListing.ListingStatus.DELETED,
        listings.find(tenant, product.id(), Marketplace.VINTED).orElseThrow().status());
    assertTrue(!vinted.isActive(externalId));
    MarketplaceJob again = run(tenant, JobRequest.of(Marketplace.VINTED, JobAction.DELETE, product.id()));
    assertEquals(JobStatus.COMPLETED, again.status());
    assertEquals("{\"deleted\": false}", again.result());
  }

  @Test
  void updating_a_product_that_is_not_listed_fails_permanently_with_the_reason() throws Exception {
    TenantId tenant = db.newTenant();
    Product product = draft(tenant, "Nike Dunk");
    MarketplaceJob job = run(tenant, JobRequest.of(Marketplace.VINTED, JobAction.UPDATE, product.id()));
    assertEquals(JobStatus.FAILED, job.status());
    assertEquals(1, job.attempts());
    assertEquals("product " + product.id() + " is not listed on VINTED", job.lastError());
  }

  @Test
  void the_ebay_import_creates_every_item_once_reports_progress_and_resumes_after_its_last_page() throws Exception {
    SimulatedMarketplaceGateway catalogue = new SimulatedMarketplaceGateway(Marketplace.EBAY,
        SimulationSettings.INSTANT.withCatalogueSize(120));
    AtomicBoolean failedOnce = new AtomicBoolean();
    MarketplaceGateway flaky = new ForwardingGateway(catalogue) {
      @Override
      public CataloguePage catalogue(TenantId account, int page, int pageSize) {
        if (page == 2 && failedOnce.compareAndSet(false, true)) {
          throw new MarketplaceException(Marketplace.EBAY, true, "timeout on page 2");
        }
        return super.catalogue(account, page, pageSize);
      }
    };
    engine = engineWith(flaky, 3);
    TenantId tenant = db.newTenant();
    MarketplaceJob job = run(tenant, JobRequest.of(Marketplace.EBAY, JobAction.IMPORT_PRODUCTS, null));

    assertEquals(JobStatus.COMPLETED, job.status(), job.lastError());
    assertEquals(2, job.attempts(), "the first attempt failed on page 2");
    assertEquals(new JobProgress(120, 120, "imported 120 of 120"), job.progress());
    assertEquals("{\"pages\": 3, \"imported\": 120}", job.result());
    List<MarketplaceTask> steps = db.tasks.steps(tenant, job.id());
    assertEquals(List.of(1, 2, 3), steps.stream().map(MarketplaceTask::position).toList());
    assertTrue(steps.stream().allMatch(t -> t.status() == TaskStatus.COMPLETED));
    int products = 0;
    var after = (io.crosslist.domain.PageCursor) null;
    do {
      var page = db.products.search(tenant, ProductSearch.firstPage().withLimit(100).after(after));
      products += page.items().size();
      after = page.next();
    } while (after != null);
    assertEquals(120, products, "page 1 was not imported twice");
  }

  @Test
  void enrichment_fills_empty_descriptions_with_bounded_parallel_calls() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    SimulatedMarketplaceGateway slow = new SimulatedMarketplaceGateway(Marketplace.EBAY,
        SimulationSettings.INSTANT.withLatency(Duration.ofMillis(20)));
    MarketplaceGateway counting = new ForwardingGateway(slow) {
      @Override
      public ProductEnrichment enrich(TenantId account, Product product) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          return super.enrich(account, product);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    };
    engine = engineWith(counting, 3);
    TenantId tenant = db.newTenant();
    List<Product> drafts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      drafts.add(db.products.add(tenant, Product.newDraft(ProductFixtures.detailsTitled("Draft " + i)
          .withDescription(""), Instant.now())));
    }
    MarketplaceJob job = run(tenant, JobRequest.of(Marketplace.EBAY, JobAction.ENRICH_PRODUCTS, null));

    assertEquals(JobStatus.COMPLETED, job.status(), job.lastError());
    assertEquals("{\"enriched\": 12, \"candidates\": 12}", job.result());
    assertTrue(maxInFlight.get() <= 3, "at most 3 calls at once, saw " + maxInFlight.get());
    for (Product draft : drafts) {
      assertTrue(db.products.findById(tenant, draft.id()).orElseThrow().details().description()
          .startsWith(draft.details().title() + " in "));
    }
  }

  @Test
  void enrichment_of_named_products_enriches_each_whatever_its_status_reports_unknown_ones_and_resumes_after_a_failure()
      throws Exception {
    java.util.Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger(1);
    MarketplaceGateway flaky = new ForwardingGateway(new SimulatedMarketplaceGateway(Marketplace.EBAY,
        SimulationSettings.INSTANT)) {
      @Override
      public ProductEnrichment enrich(TenantId account, Product product) {
        calls.computeIfAbsent(product.details().title(), t -> new AtomicInteger()).incrementAndGet();
        if (product.details().title().equals("Second") && failures.getAndDecrement() > 0) {
          throw new io.crosslist.domain.marketplace.MarketplaceException(Marketplace.EBAY, true, "503 once");
        }
        return super.enrich(account, product);
      }
    };
    engine = engineWith(flaky, 3);
    TenantId tenant = db.newTenant();
    Product first = draft(tenant, "First"); // has a description: named, so it is enriched all the same
    Product second = db.products.add(tenant, Product.newDraft(ProductFixtures.detailsTitled("Second")
        .withDescription(""), Instant.now()));
    Product untouched = db.products.add(tenant, Product.newDraft(ProductFixtures.detailsTitled("Not named")
        .withDescription(""), Instant.now()));
    io.crosslist.application.job.service.JobHandlers handlers = new io.crosslist.application.job.service.JobHandlers(
        StandardHandlers.create(new MarketplaceGateways(List.of(vinted, flaky)), db.products, listings, db.tasks,
            db.unitOfWork, Clock.systemUTC(), enrichmentPool, 3, new OrderRecorder(db.products, listings,
                db.injector.getInstance(io.crosslist.domain.marketplace.OrderRepository.class), db.journal,
                (t, request) -> {
                  throw new AssertionError("this test sells nothing");
                }, db.unitOfWork, Clock.systemUTC())));
    io.crosslist.application.job.service.ProductEnrichmentService enrich =
        new io.crosslist.application.job.service.ProductEnrichmentService(
            new io.crosslist.application.job.service.JobEnqueueService(db.jobs, db.batches, db.products,
                db.unitOfWork, Clock.systemUTC(), handlers), db.tasks, db.unitOfWork, Clock.systemUTC());

    io.crosslist.domain.ValidationException repeated = org.junit.jupiter.api.Assertions.assertThrows(
        io.crosslist.domain.ValidationException.class, () -> enrich.enrich(tenant, Marketplace.EBAY,
            List.of(first.id(), first.id()), null));
    assertEquals("productIds[1]", repeated.violations().get(0).field());
    MarketplaceJob job = enrich.enrich(tenant, Marketplace.EBAY, List.of(first.id(),
        io.crosslist.domain.product.ProductId.of(999_999), second.id()), null);
    for (int idle = 0; idle < 5; ) {
      List<ClaimedJob> claimed = engine.claim("handlers", CLAIM);
      idle = claimed.isEmpty() ? idle + 1 : 0;
      claimed.forEach(engine::run);
      Thread.sleep(claimed.isEmpty() ? 10 : 0);
    }
    MarketplaceJob done = db.jobs.findById(tenant, job.id()).orElseThrow();

    assertEquals(JobStatus.COMPLETED, done.status(), done.lastError());
    assertEquals(2, done.attempts(), "the second attempt resumed after the failure");
    assertTrue(done.result().contains("\"enriched\": 2") && done.result().contains("\"candidates\": 3"),
        done.result());
    assertTrue(done.result().contains("{\"outcome\": \"not-found\", \"productId\": 999999}"), done.result());
    assertEquals(1, calls.get("First").get(), "a product done before the failure is not asked again");
    assertEquals(2, calls.get("Second").get());
    assertTrue(db.products.findById(tenant, first.id()).orElseThrow().details().description().startsWith("First in "));
    assertTrue(db.products.findById(tenant, second.id()).orElseThrow().details().description().startsWith("Second in "));
    assertEquals("", db.products.findById(tenant, untouched.id()).orElseThrow().details().description(),
        "only the named products");
  }

  @Test
  void the_orders_sync_records_each_order_once_and_sells_out_products() throws Exception {
    SimulatedMarketplaceGateway ebay = new SimulatedMarketplaceGateway(Marketplace.EBAY, SimulationSettings.INSTANT);
    engine = engineWith(ebay, 3);
    TenantId tenant = db.newTenant();
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Product p = draft(tenant, "Jacket " + i);
      products.add(p);
      assertEquals(JobStatus.COMPLETED, run(tenant, JobRequest.of(Marketplace.EBAY, JobAction.PUBLISH, p.id()))
          .status());
    }
    MarketplaceJob sync = run(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    assertEquals(JobStatus.COMPLETED, sync.status(), sync.lastError());
    assertEquals("{\"new\": 1, \"sold\": 1, \"orders\": 1, \"oversold\": 0, \"withdrawn\": 0}", sync.result(),
        "the simulator sells every third listing");
    assertEquals(ProductStatus.SOLD, db.products.findById(tenant, products.get(2).id()).orElseThrow().status());

    MarketplaceJob again = run(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    assertEquals("{\"new\": 0, \"sold\": 0, \"orders\": 1, \"oversold\": 0, \"withdrawn\": 0}", again.result());
  }

  /** Passes every call on; tests override the ones they disturb or observe. */
  private static class ForwardingGateway implements MarketplaceGateway {
    private final MarketplaceGateway delegate;

    ForwardingGateway(MarketplaceGateway delegate) {
      this.delegate = delegate;
    }

    @Override
    public Marketplace marketplace() {
      return delegate.marketplace();
    }

    @Override
    public ExternalListing createListing(TenantId account, String idempotencyKey, Product product) {
      return delegate.createListing(account, idempotencyKey, product);
    }

    @Override
    public void updateListing(TenantId account, String externalId, Product product) {
      delegate.updateListing(account, externalId, product);
    }

    @Override
    public void deleteListing(TenantId account, String externalId) {
      delegate.deleteListing(account, externalId);
    }

    @Override
    public CataloguePage catalogue(TenantId account, int page, int pageSize) {
      return delegate.catalogue(account, page, pageSize);
    }

    @Override
    public ProductEnrichment enrich(TenantId account, Product product) {
      return delegate.enrich(account, product);
    }

    @Override
    public List<MarketplaceOrder> ordersSince(TenantId account, Instant since) {
      return delegate.ordersSince(account, since);
    }
  }
}
