package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.migration.TenantRemover;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import io.crosslist.application.tenant.TenantFleetService;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantNotSuspendedException;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fleet operations on real PostgreSQL: tracks, migrating a mixed fleet online, bulk provisioning, dropping. */
class TenantFleetTest {
  private static final Persistence db = Persistence.get();
  /** A host's track: its own tenant table, written with ${tenant} like Crosslist's. */
  private static final MigrationTrack ACME = MigrationTrack.of("acme",
      MigrationScript.of(1, "notes", "create table ${tenant}.acme_notes (id bigint primary key, body text not null)"),
      MigrationScript.of(2, "notes_index", "create index acme_notes_body on ${tenant}.acme_notes (body)"));
  private static HikariDataSource pool;

  @BeforeAll
  static void open() {
    pool = ConnectionPool.open(TestDatabase.get().settings());
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  private static TenantMigrations runner(List<MigrationTrack> tracks, Duration lockTimeout) {
    return new TenantMigrations(pool, tracks, lockTimeout, 5);
  }

  private static List<MigrationTrack> crosslistAnd(MigrationTrack... host) {
    List<MigrationTrack> tracks = new ArrayList<>(List.of(MigrationTrack.crosslist()));
    tracks.addAll(List.of(host));
    return tracks;
  }

  private static TenantFleetService fleet(TenantMigrations runner) {
    return new TenantFleetService(runner, runner, new TenantRemover(pool));
  }

  private static int trackVersion(TenantId tenant, String track) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "select version from crosslist.tenant_tracks where tenant_id = ? and track = ?")) {
      ps.setLong(1, tenant.value());
      ps.setString(2, track);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @Test
  void a_fleet_at_mixed_versions_with_a_host_track_is_found_behind_from_the_registry_and_migrated() throws Exception {
    TenantId old = Persistence.unusedTenant();
    TenantProvisioningTest.migrations(pool, MigrationScript.TENANT.subList(0, 8)).provision(old);
    TenantId current = db.newTenant();
    TenantId withHost = Persistence.unusedTenant();
    runner(crosslistAnd(ACME), Duration.ofSeconds(2)).provision(withHost);
    assertEquals(2, trackVersion(withHost, "acme"), "a new tenant gets the host's track at once");

    TenantMigrations build = runner(crosslistAnd(ACME), Duration.ofSeconds(2));
    List<TenantId> behind = allBehind(build);
    assertTrue(behind.contains(old) && behind.contains(current), "behind Crosslist's V11 or the host's V2");
    assertFalse(behind.contains(withHost), "current in every track");

    RunSummary summary = fleet(build).migrate(new MigrateTenantsCommand(List.of(old, current), 2),
        io.crosslist.application.schedule.SweepProgress.NONE);
    assertEquals(0, summary.failed(), summary.toString());
    assertEquals(2, summary.itemsChanged());
    for (TenantId tenant : List.of(old, current)) {
      assertEquals(MigrationScript.TENANT.size(), trackVersion(tenant, MigrationTrack.CROSSLIST));
      assertEquals(2, trackVersion(tenant, "acme"));
      sql("insert into " + tenant.schemaName() + ".acme_notes values (1, 'host table in place')");
    }
    List<TenantId> after = allBehind(build);
    assertFalse(after.contains(old) || after.contains(current) || after.contains(withHost));
    assertTrue(build.migrate(old).noOp(), "migrating a current tenant changes nothing");
  }

  private static List<TenantId> allBehind(TenantMigrations runner) {
    List<TenantId> all = new ArrayList<>();
    Optional<TenantId> after = Optional.empty();
    List<TenantId> page;
    do {
      page = runner.behind(after, 50);
      all.addAll(page);
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
    } while (!page.isEmpty());
    return all;
  }

  @Test
  void a_tenant_whose_migration_fails_is_reported_the_others_finish_and_a_rerun_completes_it() throws Exception {
    List<TenantId> tenants = List.of(db.newTenant(), db.newTenant(), db.newTenant());
    TenantId broken = tenants.get(1);
    sql("create table " + broken.schemaName() + ".acme_notes (other text)"); // in the way of the host's V1
    TenantFleetService fleet = fleet(runner(crosslistAnd(ACME), Duration.ofSeconds(2)));

    RunSummary first = fleet.migrate(new MigrateTenantsCommand(tenants, 2),
        io.crosslist.application.schedule.SweepProgress.NONE);
    assertEquals(1, first.failed(), first.toString());
    assertEquals(broken, first.failures().get(0).tenant());
    assertTrue(first.failures().get(0).cause().contains("acme_notes\" already exists"), first.failures().toString());
    assertEquals(0, trackVersion(broken, "acme"), "the failed tenant's transaction left nothing");
    assertEquals(2, trackVersion(tenants.get(0), "acme"));
    assertEquals(2, trackVersion(tenants.get(2), "acme"));

    sql("drop table " + broken.schemaName() + ".acme_notes");
    RunSummary rerun = fleet.migrate(new MigrateTenantsCommand(tenants, 2),
        io.crosslist.application.schedule.SweepProgress.NONE);
    assertEquals(0, rerun.failed(), rerun.toString());
    assertEquals(1, rerun.itemsChanged(), "only the tenant left behind had work");
    assertEquals(2, trackVersion(broken, "acme"));
  }

  @Test
  void a_locked_tenant_table_makes_the_migration_wait_briefly_and_retry_and_never_blocks_others_long()
      throws Exception {
    TenantId tenant = db.newTenant();
    MigrationTrack alters = MigrationTrack.of("acme-alter",
        MigrationScript.of(1, "product_note", "alter table ${tenant}.products add column acme_note text"));
    TenantMigrations build = runner(crosslistAnd(alters), Duration.ofMillis(200));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
      try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
        c.setAutoCommit(false);
        st.execute("select count(*) from " + tenant.schemaName() + ".products"); // AccessShare until commit
        holding.countDown();
        release.await(30, TimeUnit.SECONDS);
        order.add("holder commits");
        c.commit();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(holding.await(30, TimeUnit.SECONDS));
    CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> {
      build.migrate(tenant);
      order.add("migrated");
    });
    Thread.sleep(100); // the migration now waits for its lock, or retries
    // a reader arriving meanwhile queues behind the migration's lock request at most until its lock_timeout
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
      st.execute("set statement_timeout = '20s'");
      st.execute("select count(*) from " + tenant.schemaName() + ".products");
      order.add("reader done");
    }
    release.countDown();
    holder.get(30, TimeUnit.SECONDS);
    migration.get(60, TimeUnit.SECONDS);
    assertEquals(List.of("reader done", "holder commits", "migrated"), order,
        "the reader was not held until the holder committed; the migration retried and finished after it");
    assertEquals(1, trackVersion(tenant, "acme-alter"));
  }

  @Test
  void bulk_provisioning_interrupted_then_run_again_provisions_every_tenant_once() throws Exception {
    List<TenantId> tenants = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tenants.add(Persistence.unusedTenant());
    }
    TenantFleetService fleet = fleet(runner(crosslistAnd(), Duration.ofSeconds(2)));
    AtomicInteger seen = new AtomicInteger();
    Thread runner = Thread.currentThread();
    RunSummary interrupted = fleet.provision(tenants, 1, (tenant, failure) -> {
      if (seen.incrementAndGet() == 4) {
        runner.interrupt(); // an operator's Ctrl-C, as the sweep sees it
      }
    });
    Thread.interrupted(); // clear the flag for the rest of the test
    assertTrue(interrupted.processed() < tenants.size(), "stopped early: " + interrupted);
    RunSummary resumed = fleet.provision(tenants, 3, io.crosslist.application.schedule.SweepProgress.NONE);
    assertEquals(0, resumed.failed(), resumed.toString());
    assertEquals(tenants.size(), resumed.processed());
    // a tenant in flight when the run stopped was finished but not counted: at most the uncounted ones are new
    assertTrue(resumed.itemsChanged() <= tenants.size() - interrupted.processed(), resumed.toString());
    assertTrue(resumed.itemsChanged() < tenants.size(), "the ones already provisioned are no-ops");
    for (TenantId tenant : tenants) {
      assertEquals(MigrationScript.TENANT.size(), trackVersion(tenant, MigrationTrack.CROSSLIST));
    }
  }

  @Test
  void dropping_a_suspended_tenant_leaves_nothing_in_any_shared_table_and_its_id_can_be_provisioned_again()
      throws Exception {
    TenantId tenant = db.newTenant();
    sql("insert into crosslist.job_dispatch (tenant_id, job_id, marketplace, priority, run_after) values ("
        + tenant.value() + ", 1, 'VINTED', 0, now())");
    sql("insert into crosslist.connected_accounts (marketplace, tenant_id, connection_id) values ('EBAY', "
        + tenant.value() + ", 1)");
    TenantRemover remover = new TenantRemover(pool);
    assertThrows(TenantNotSuspendedException.class, () -> remover.drop(tenant), "an active tenant is not dropped");
    db.injector.getInstance(io.crosslist.domain.tenant.TenantSuspension.class).changeStatus(tenant,
        TenantStatus.SUSPENDED);

    remover.drop(tenant);

    for (String table : sharedTablesWithTenantId()) {
      String column = table.equals("crosslist.tenants") ? "id" : "tenant_id";
      try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
          "select count(*) from " + table + " where " + column + " = ?")) {
        ps.setLong(1, tenant.value());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(0, rs.getInt(1), table + " still holds rows of " + tenant);
        }
      }
    }
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from pg_namespace where nspname = '" + tenant.schemaName()
            + "'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "the schema is gone");
    }
    assertThrows(UnknownTenantException.class, () -> remover.drop(tenant));
    assertTrue(db.provisioning.provision(tenant).created(), "a new, empty tenant under the same id");
    assertEquals(0, db.products.search(tenant, io.crosslist.domain.product.ProductSearch.firstPage()).items().size());
  }

  @Test
  void every_shared_table_that_holds_tenant_rows_is_cleaned_by_a_drop() throws Exception {
    List<String> expected = new ArrayList<>(sharedTablesWithTenantId());
    expected.remove("crosslist.tenants");
    assertEquals(expected.stream().sorted().toList(), TenantRemover.SHARED_ROWS.stream().sorted().toList(),
        "a shared table with a tenant_id column is missing from TenantRemover.SHARED_ROWS");
  }

  private static List<String> sharedTablesWithTenantId() throws Exception {
    List<String> tables = new ArrayList<>(List.of("crosslist.tenants"));
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement(); ResultSet rs =
        st.executeQuery("select table_name from information_schema.columns where table_schema = 'crosslist'"
            + " and column_name = 'tenant_id' order by table_name")) {
      while (rs.next()) {
        tables.add("crosslist." + rs.getString(1));
      }
    }
    return tables;
  }
}
