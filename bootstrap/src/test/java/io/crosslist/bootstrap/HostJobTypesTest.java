package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static io.crosslist.bootstrap.ApiClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.job.port.in.ClaimJobsUseCase;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.TypeName;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host's own job type (marketplace DEPOP, action REPRICE), registered in the host's Guice module beside
 * Crosslist's: listed by the API, enqueued over HTTP, claimed and run by a worker built from the injector.
 */
class HostJobTypesTest {
  private static final String JSON = "Content-Type: application/json";
  private static final String PRODUCT = """
      {"title": "Nike Air Max 90", "price": {"amount": "89.00", "currency": "EUR"},
       "brand": "nike", "category": "womens-shoes", "condition": "very-good", "stockQuantity": 1}""";
  private static final Persistence db = Persistence.get();
  private static Injector injector;
  private static ApiClient client;

  /** A host's handler, as a host writes one: built by Guice with the out-ports it needs. */
  static final class RepriceOnDepop implements JobHandler {
    private final ProductRepository products;

    @Inject
    RepriceOnDepop(ProductRepository products) {
      this.products = products;
    }

    @Override
    public Marketplace marketplace() {
      return Marketplace.of("DEPOP");
    }

    @Override
    public JobAction action() {
      return JobAction.of("REPRICE");
    }

    @Override
    public boolean needsProduct() {
      return true;
    }

    @Override
    public JobOutcome handle(JobContext context) {
      Product product = products.findById(context.tenant(), context.job().product()).orElseThrow();
      return JobOutcome.success("{\"repriced\": \"" + product.details().title() + "\"}");
    }
  }

  @BeforeAll
  static void start() {
    db.clearDispatchIndex(); // the worker here claims this class's jobs only
    injector = db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule(),
        new AbstractModule() {
      @Override
      protected void configure() {
        CrosslistModule.jobHandlers(binder()).addBinding().to(RepriceOnDepop.class);
      }
    });
    client = new ApiClient(injector);
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  private static String bearer(long tenant) throws Exception {
    return "Authorization: Bearer " + ApiClient.token(tenant);
  }

  private static long idOf(ApiClient.Response response) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
    assertTrue(m.find(), response.body());
    return Long.parseLong(m.group(1));
  }

  @Test
  void the_served_job_types_are_listed_with_the_hosts_among_crosslists() throws Exception {
    ApiClient.Response types = client.send("GET", "/job-types", null, bearer(db.newTenant().value()));
    assertEquals(200, types.status(), types.body());
    assertTrue(types.body().startsWith("[{\"marketplace\":\"DEPOP\",\"action\":\"REPRICE\",\"needsProduct\":true},"
        + "{\"marketplace\":\"EBAY\",\"action\":\"DELETE\",\"needsProduct\":true},"), types.body());
    assertTrue(types.body().contains("{\"marketplace\":\"ETSY\",\"action\":\"SYNC_ORDERS\",\"needsProduct\":false}"),
        types.body());
    assertProblem(client.send("GET", "/job-types", null), 401, "unauthorized");
  }

  @Test
  void a_job_of_the_hosts_type_is_enqueued_over_http_and_run_by_a_worker() throws Exception {
    String owner = bearer(db.newTenant().value());
    long product = idOf(client.send("POST", "/products", PRODUCT, owner, JSON));
    ApiClient.Response enqueued = client.send("POST", "/jobs", "{\"marketplace\":\"depop\",\"action\":\"Reprice\","
        + "\"productId\":" + product + "}", owner, JSON);
    assertEquals(201, enqueued.status(), enqueued.body());
    assertTrue(enqueued.body().contains("\"marketplace\":\"DEPOP\",\"action\":\"REPRICE\""), enqueued.body());
    long job = idOf(enqueued);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    WorkerSettings settings = WorkerSettings.defaults("host-types").withTiming(Duration.ofSeconds(30),
        Duration.ofSeconds(10), Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(5));
    String body = "";
    try (JobWorkerPool worker = new JobWorkerPool(settings, injector.getInstance(JobWorkerPool.Ports.class), registry)
        .start()) {
      Instant deadline = Instant.now().plusSeconds(30);
      while (!body.contains("\"status\":\"COMPLETED\"") && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
        body = client.send("GET", "/jobs/" + job, null, owner).body();
      }
    }
    assertTrue(body.contains("\"status\":\"COMPLETED\"") && body.contains("\"result\":{\"repriced\":\"Nike Air Max"
        + " 90\"}"), body);
    assertNotNull(registry.find("crosslist.jobs.queued").tag("marketplace", "DEPOP").gauge(),
        "the worker's gauges cover the host's marketplace");
    ApiClient.Response listed = client.send("GET", "/jobs?marketplace=depop&action=REPRICE", null, owner);
    assertTrue(listed.body().contains("\"id\":" + job + ","), listed.body());
  }

  @Test
  void a_worker_whose_engine_serves_no_job_type_claims_nothing_and_still_reports_the_queue() throws Exception {
    db.clearDispatchIndex();
    TenantId tenant = db.newTenant();
    MarketplaceJob waiting = db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.of("DEPOP"),
        JobAction.of("REFRESH_FEED"), null), Instant.now())); // stored by a build that served it
    AtomicInteger leases = new AtomicInteger();
    JobExecutionService none = new JobExecutionService(db.queue, db.jobs, db.journal, new JobHandlers(List.of()),
        db.unitOfWork, JobRunSettings.DEFAULT, Clock.systemUTC(), new Random(5));
    ClaimJobsUseCase counting = new ClaimJobsUseCase() {
      @Override
      public List<Lease> lease(String worker, ClaimRequest request) {
        leases.incrementAndGet();
        return none.lease(worker, request);
      }

      @Override
      public List<ClaimedJob> start(String worker, TenantId tenant, List<Lease> leased) {
        return none.start(worker, tenant, leased);
      }

      @Override
      public List<ClaimedJob> claim(String worker, ClaimRequest request) {
        leases.incrementAndGet();
        return none.claim(worker, request);
      }
    };
    WorkerSettings settings = WorkerSettings.defaults("serves-nothing").withTiming(Duration.ofSeconds(30),
        Duration.ofSeconds(10), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (JobWorkerPool worker = new JobWorkerPool(settings, new JobWorkerPool.Ports(counting, none, none, none, none,
        none, none, none), registry).start()) {
      Thread.sleep(200); // twenty dispatcher rounds and as many maintenance ticks
      Instant deadline = Instant.now().plusSeconds(10);
      Gauge depop = null;
      while ((depop == null || depop.value() != 1) && Instant.now().isBefore(deadline)) {
        Thread.sleep(10);
        depop = registry.find("crosslist.jobs.queued").tag("marketplace", "DEPOP").gauge();
      }
      assertNotNull(depop, "a marketplace the worker does not serve gets its gauge once the queue reports it");
      assertEquals(1, depop.value());
      assertEquals(0, worker.running());
      assertEquals(0, registry.counter("crosslist.worker.claim.errors", "worker", "serves-nothing").count(),
          "no claim attempted, so none failed");
    }
    assertEquals(0, leases.get(), "no claim without a marketplace to claim for");
    assertEquals(JobStatus.PENDING, db.jobs.findById(tenant, waiting.id()).orElseThrow().status());
    db.clearDispatchIndex();
  }

  @Test
  void an_unserved_pair_an_invalid_name_and_a_missing_product_are_refused_naming_the_field() throws Exception {
    String owner = bearer(db.newTenant().value());
    ApiClient.Response unserved = client.send("POST", "/jobs", "{\"marketplace\":\"DEPOP\",\"action\":\"PUBLISH\","
        + "\"productId\":1}", owner, JSON);
    assertProblem(unserved, 422, "validation");
    assertTrue(unserved.body().contains("no handler serves DEPOP PUBLISH here; supported: DEPOP REPRICE, EBAY DELETE"),
        unserved.body());

    for (String name : new String[] {"dé-pop", "2DEPOP", "", "D".repeat(41), "DEPOP\\n", "ＤＥＰＯＰ"}) {
      ApiClient.Response invalid = client.send("POST", "/jobs", "{\"marketplace\":\"" + name + "\",\"action\":"
          + "\"REPRICE\"}", owner, JSON);
      assertProblem(invalid, 422, "validation");
      assertTrue(invalid.body().contains("{\"field\":\"marketplace\",\"rule\":\"" + TypeName.RULE + "\"}"),
          invalid.body());
    }
    ApiClient.Response badAction = client.send("POST", "/batches", "{\"jobs\":[{\"marketplace\":\"DEPOP\","
        + "\"action\":\"re price\"}]}", owner, JSON);
    assertProblem(badAction, 422, "validation");
    assertTrue(badAction.body().contains("{\"field\":\"jobs[0].action\",\"rule\":\"" + TypeName.RULE + "\"}"),
        badAction.body());

    ApiClient.Response noProduct = client.send("POST", "/jobs", "{\"marketplace\":\"DEPOP\",\"action\":\"REPRICE\"}",
        owner, JSON);
    assertProblem(noProduct, 422, "validation");
    assertTrue(noProduct.body().contains("{\"field\":\"productId\",\"rule\":\"is required for DEPOP REPRICE\"}"),
        noProduct.body());
    ApiClient.Response inBatch = client.send("POST", "/batches", "{\"jobs\":[{\"marketplace\":\"EBAY\",\"action\":"
        + "\"SYNC_ORDERS\",\"productId\":1}]}", owner, JSON);
    assertTrue(inBatch.body().contains("{\"field\":\"jobs[0].productId\",\"rule\":\"must be absent for EBAY"
        + " SYNC_ORDERS\"}"), inBatch.body());

    ApiClient.Response badFilter = client.send("GET", "/jobs?marketplace=d%C3%A9pop", null, owner);
    assertProblem(badFilter, 422, "validation");
    assertTrue(badFilter.body().contains("\"field\":\"marketplace\""), badFilter.body());
    assertTrue(client.send("GET", "/jobs", null, owner).body().contains("\"items\":[]"), "nothing was enqueued");
  }
}
