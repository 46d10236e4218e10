package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.JobType;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.RetryPolicy;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job types a host adds (a marketplace and an action Crosslist does not ship) on real PostgreSQL: stored, claimed
 * and run like the built-in ones; the tenant tables check the names' form, not a list; and jobs stored before
 * the tables were opened still load and run.
 */
class HostJobTypesTest {
  private static final Marketplace DEPOP = Marketplace.of("DEPOP");
  private static final JobAction REPRICE = JobAction.of("REPRICE");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static HikariDataSource pool;
  private final Persistence db = Persistence.get();
  /** The type of each job a handler ran, by "tenant/job". */
  private final Map<String, JobType> ran = new ConcurrentHashMap<>();

  /** A handler as a host writes one: its own pair, and whether its jobs name a product. */
  private JobHandler handler(Marketplace marketplace, JobAction action, boolean needsProduct) {
    return new JobHandler() {
      @Override
      public Marketplace marketplace() {
        return marketplace;
      }

      @Override
      public JobAction action() {
        return action;
      }

      @Override
      public boolean needsProduct() {
        return needsProduct;
      }

      @Override
      public JobOutcome handle(JobContext context) {
        ran.put(context.tenant().value() + "/" + context.job().id().value(), context.job().type());
        return JobOutcome.success("{\"repriced\": true}");
      }
    };
  }

  private final JobHandlers handlers = new JobHandlers(List.of(handler(DEPOP, REPRICE, true),
      handler(Marketplace.EBAY, JobAction.SYNC_ORDERS, false)));
  private final JobEnqueueService enqueue = new JobEnqueueService(db.jobs, db.batches, db.products, db.unitOfWork,
      Clock.systemUTC(), handlers);
  private final JobExecutionService engine = new JobExecutionService(db.queue, db.jobs, db.journal, handlers,
      db.unitOfWork, new JobRunSettings(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 0), Duration.ZERO,
      Duration.ZERO), Clock.systemUTC(), new Random(11));

  @BeforeAll
  static void open() {
    pool = ConnectionPool.open(TestDatabase.get().settings());
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @BeforeEach
  void onlyThisTestsJobsAreClaimable() {
    db.clearDispatchIndex();
  }

  private ProductId newProduct(TenantId tenant) {
    return db.products.add(tenant, Product.newDraft(defaultDetails(), Instant.now())).id();
  }

  /** A claim of the engine's marketplaces, with a per-marketplace cap below the tenant cap or without one. */
  private ClaimRequest claim(boolean marketplaceCap) {
    return marketplaceCap ? new ClaimRequest(50, 10, 20, 5, LEASE, handlers.marketplaces())
        : new ClaimRequest(50, 10, 20, LEASE, handlers.marketplaces());
  }

  private MarketplaceJob stored(TenantId tenant, MarketplaceJob job) {
    return db.jobs.findById(tenant, job.id()).orElseThrow();
  }

  @Test
  void a_job_of_a_host_type_is_enqueued_claimed_and_run_with_and_without_a_marketplace_cap() {
    for (boolean capped : List.of(true, false)) {
      TenantId tenant = db.newTenant();
      MarketplaceJob job = enqueue.enqueue(tenant, JobRequest.of(Marketplace.of("DEPOP"), JobAction.of("REPRICE"),
          newProduct(tenant)));
      assertEquals(new JobType(DEPOP, REPRICE), stored(tenant, job).type(), "stored and read back by name");

      List<ClaimedJob> claimed = engine.claim("host-" + capped, claim(capped));
      assertEquals(1, claimed.size(), "claimed with marketplace cap " + capped);
      assertEquals(JobStatus.COMPLETED, engine.run(claimed.get(0)).status());
      assertEquals(new JobType(DEPOP, REPRICE), ran.get(tenant.value() + "/" + job.id().value()));
      MarketplaceJob done = stored(tenant, job);
      assertEquals(JobStatus.COMPLETED, done.status());
      assertEquals("{\"repriced\": true}", done.result());
      List<JobStatistics> stats = db.journal.statistics(tenant, LocalDate.now(ZoneOffset.UTC));
      assertEquals(List.of(DEPOP), stats.stream().map(JobStatistics::marketplace).toList());
      assertEquals(REPRICE, stats.get(0).action());
    }
  }

  @Test
  void a_claim_leases_jobs_of_the_marketplaces_it_names_only() {
    TenantId tenant = db.newTenant();
    MarketplaceJob depop = enqueue.enqueue(tenant, JobRequest.of(DEPOP, REPRICE, newProduct(tenant)));
    MarketplaceJob ebay = enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    for (boolean capped : List.of(true, false)) {
      ClaimRequest onlyEbay = capped ? new ClaimRequest(50, 10, 20, 5, LEASE, List.of(Marketplace.EBAY))
          : new ClaimRequest(50, 10, 20, LEASE, List.of(Marketplace.EBAY));
      List<ClaimedJob> claimed = db.queue.claim("ebay-only-" + capped, onlyEbay);
      if (capped) {
        assertEquals(List.of(ebay.id()), claimed.stream().map(c -> c.job().id()).toList());
        assertEquals(JobStatus.COMPLETED, engine.run(claimed.get(0)).status());
      } else {
        assertTrue(claimed.isEmpty(), "the DEPOP job waits for a worker that serves DEPOP: " + claimed);
      }
    }
    List<ClaimedJob> claimed = db.queue.claim("depop", claim(true));
    assertEquals(List.of(depop.id()), claimed.stream().map(c -> c.job().id()).toList());
  }

  @Test
  void enqueue_refuses_a_type_no_handler_serves_and_stores_nothing() {
    TenantId tenant = db.newTenant();
    ProductId product = newProduct(tenant);
    ValidationException e = assertThrows(ValidationException.class,
        () -> enqueue.enqueue(tenant, JobRequest.of(DEPOP, JobAction.PUBLISH, product)));
    assertEquals("action: no handler serves DEPOP PUBLISH here; supported: DEPOP REPRICE, EBAY SYNC_ORDERS",
        e.getMessage());
    assertEquals("product: is required for DEPOP REPRICE", assertThrows(ValidationException.class,
        () -> enqueue.enqueue(tenant, JobRequest.of(DEPOP, REPRICE, null))).getMessage());
    assertTrue(db.jobs.search(tenant, JobSearch.firstPage()).items().isEmpty());
  }

  @Test
  void the_tenant_tables_take_any_name_of_the_form_and_refuse_any_other() throws Exception {
    TenantId tenant = db.newTenant();
    insertJob(tenant, "DEPOP_2", "REPRICE_ALL");
    insertPollCursor(tenant, "DEPOP");
    for (String[] bad : List.of(new String[] {"depop", "REPRICE"}, new String[] {"DEPOP", "re-price"},
        new String[] {"2DEPOP", "REPRICE"}, new String[] {"D" + "E".repeat(40), "REPRICE"})) {
      SQLException refused = assertThrows(SQLException.class, () -> insertJob(tenant, bad[0], bad[1]));
      assertEquals("23514", refused.getSQLState(), "a check constraint: " + refused.getMessage());
      assertTrue(refused.getMessage().contains("marketplace_jobs_marketplace_name")
          || refused.getMessage().contains("marketplace_jobs_action_name"), refused.getMessage());
    }
    SQLException refused = assertThrows(SQLException.class, () -> insertPollCursor(tenant, "Depop"));
    assertTrue(refused.getMessage().contains("marketplace_poll_cursors_marketplace_name"), refused.getMessage());
  }

  @Test
  void a_job_stored_before_the_tables_were_opened_still_loads_and_runs() throws Exception {
    TenantId tenant = Persistence.unusedTenant();
    List<MigrationScript> before = MigrationScript.TENANT.subList(0, 10);
    assertEquals(10, before.get(before.size() - 1).version());
    TenantProvisioningTest.migrations(pool, before).provision(tenant);
    long jobId = insertJob(tenant, "EBAY", "SYNC_ORDERS"); // as the earlier build stored it, with its dispatch entry
    sql("insert into crosslist.job_dispatch (tenant_id, job_id, marketplace, priority, run_after) values ("
        + tenant.value() + ", " + jobId + ", 'EBAY', 0, now() - interval '1 minute')");
    assertThrows(SQLException.class, () -> insertJob(tenant, "DEPOP", "REPRICE"), "the earlier build's list");
    assertEquals(List.of(6, 0), checks(tenant), "six value lists, no form check");

    TenantProvisioningTest.migrations(pool, MigrationScript.TENANT).provision(tenant);
    assertEquals(List.of(0, 7), checks(tenant), "the lists of the five tables replaced by form checks (and V14's"
        + " listing_suggestions has its own)");

    MarketplaceJob old = db.jobs.findById(tenant, JobId.of(jobId)).orElseThrow();
    assertEquals(new JobType(Marketplace.EBAY, JobAction.SYNC_ORDERS), old.type());
    List<ClaimedJob> claimed = engine.claim("after-upgrade", claim(true));
    assertEquals(List.of(old.id()), claimed.stream().map(c -> c.job().id()).toList());
    assertEquals(JobStatus.COMPLETED, engine.run(claimed.get(0)).status());
    assertEquals(JobStatus.COMPLETED, stored(tenant, old).status());
    insertJob(tenant, "DEPOP", "REPRICE"); // and the host's names are stored from now on
  }

  /** How many check constraints of the tenant's tables list the built-in names, and how many check the form. */
  private static List<Integer> checks(TenantId tenant) throws SQLException {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
        var rs = st.executeQuery("select count(*) filter (where pg_get_constraintdef(oid) like '%''VINTED''%'"
            + " or pg_get_constraintdef(oid) like '%''PUBLISH''%'),"
            + " count(*) filter (where pg_get_constraintdef(oid) like '%[A-Z][A-Z0-9_]{0,39}%')"
            + " from pg_constraint where contype = 'c' and connamespace = '" + tenant.schemaName() + "'::regnamespace")) {
      rs.next();
      return List.of(rs.getInt(1), rs.getInt(2));
    }
  }

  private static long insertJob(TenantId tenant, String marketplace, String action) throws SQLException {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
        var rs = st.executeQuery(TenantSqlRenderer.render("""
            insert into ${tenant}.marketplace_jobs (marketplace, action, status, priority, attempts, max_attempts,
                                                    run_after, created_at, updated_at)
            values ('%s', '%s', 'PENDING', 0, 0, 5, now() - interval '1 minute', now(), now())
            returning id""".formatted(marketplace, action), tenant))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void insertPollCursor(TenantId tenant, String marketplace) throws SQLException {
    sql(TenantSqlRenderer.render("insert into ${tenant}.marketplace_poll_cursors (marketplace, polled_until,"
        + " updated_at) values ('" + marketplace + "', now(), now())", tenant));
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
