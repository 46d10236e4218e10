package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.internal.migration.SchemaMigrations;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning.ProvisioningResult;
import io.crosslist.domain.tenant.TenantStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantProvisioningTest {
  private final Persistence db = Persistence.get();

  @Test
  void provisioning_creates_the_schema_records_the_version_and_repeating_it_is_a_no_op() throws Exception {
    TenantId tenant = Persistence.unusedTenant();
    ProvisioningResult first = db.provisioning.provision(tenant);
    assertTrue(first.created());
    assertEquals(0, first.fromVersion());
    assertEquals(MigrationScript.latest(MigrationScript.TENANT), first.toVersion());
    assertTrue(schemaExists(tenant));

    ProvisioningResult second = db.provisioning.provision(tenant);
    assertTrue(second.noOp(), second.toString());
    Tenant registered = db.directory.find(tenant).orElseThrow();
    assertEquals(TenantStatus.ACTIVE, registered.status());
    assertEquals(first.toVersion(), registered.schemaVersion());
    assertEquals(first.toVersion(), count("select count(*) from crosslist.tenant_migrations where tenant_id = ?", tenant));
  }

  @Test
  void a_failed_provisioning_leaves_no_schema_no_registry_row_and_no_version() throws Exception {
    TenantId tenant = Persistence.unusedTenant();
    List<MigrationScript> broken = new ArrayList<>(MigrationScript.TENANT);
    broken.add(new MigrationScript(broken.size() + 1, "broken", "create table ${tenant}.half (id int); select 1/0;"));
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings())) {
      TenantMigrations migrations = migrations(pool, broken);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrations.provision(tenant));
      assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
    }
    assertFalse(schemaExists(tenant));
    assertTrue(db.directory.find(tenant).isEmpty());
    assertEquals(0, count("select count(*) from crosslist.tenant_migrations where tenant_id = ?", tenant));
  }

  @Test
  void a_migration_edited_after_it_was_applied_is_refused() throws Exception {
    TenantId tenant = db.newTenant();
    List<MigrationScript> edited = List.of(new MigrationScript(1, "products", "-- edited\n" + MigrationScript.TENANT.get(0).sql()));
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> migrations(pool, edited).provision(tenant));
      assertTrue(e.getMessage().contains("migration V1 (products) of track 'crosslist' was applied to tenant "
          + tenant.value() + " with checksum"), e.getMessage());
    }
  }

  @Test
  void a_new_tenant_migration_upgrades_existing_tenants_on_the_next_provisioning() throws Exception {
    TenantId tenant = db.newTenant();
    List<MigrationScript> next = new ArrayList<>(MigrationScript.TENANT);
    int v = next.size() + 1;
    next.add(new MigrationScript(v, "notes", "create table ${tenant}.notes (id bigint primary key, body text)"));
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings())) {
      ProvisioningResult upgrade = migrations(pool, next).provision(tenant);
      assertFalse(upgrade.created());
      assertEquals(v - 1, upgrade.fromVersion());
      assertEquals(v, upgrade.toVersion());
    }
    assertEquals(v, db.directory.find(tenant).orElseThrow().schemaVersion());
  }

  @Test
  void the_upgrade_to_attempts_in_the_dispatch_lease_turns_jobs_stored_running_back_into_waiting_ones()
      throws Exception {
    TenantId tenant = Persistence.unusedTenant();
    List<MigrationScript> upTo8 = MigrationScript.TENANT.subList(0, 8);
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings())) {
      migrations(pool, upTo8).provision(tenant);
    }
    // a job an earlier version started: stored RUNNING after 2 attempts, counted running in its batch
    try (java.sql.Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement()) {
      st.execute(TenantSqlRenderer.render("""
          insert into ${tenant}.marketplace_batches (description, pending, running, created_at, updated_at)
          values ('bulk', 1, 1, now(), now())""", tenant));
      st.execute(TenantSqlRenderer.render("""
          insert into ${tenant}.marketplace_jobs (marketplace, action, batch_id, status, priority, attempts,
            max_attempts, run_after, created_at, updated_at, started_at)
          values ('EBAY', 'SYNC_ORDERS', 1, 'RUNNING', 0, 2, 3, now(), now(), now(), now())""", tenant));
    }
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings())) {
      assertEquals(MigrationScript.TENANT.size(), migrations(pool, MigrationScript.TENANT).provision(tenant)
          .toVersion());
    }
    io.crosslist.domain.job.MarketplaceJob job = db.jobs.findById(tenant, io.crosslist.domain.job.JobId.of(1))
        .orElseThrow();
    assertEquals(io.crosslist.domain.job.JobStatus.PENDING, job.status(), "no lease holds it: it waits");
    assertEquals(1, job.attempts(), "the interrupted attempt is not counted");
    assertEquals(new io.crosslist.domain.job.BatchCounts(2, 0, 0, 0, 0, 0),
        db.batches.findById(tenant, io.crosslist.domain.job.BatchId.of(1)).orElseThrow().counts());
  }

  @Test
  void the_shared_migration_is_idempotent() {
    try (HikariDataSource pool = ConnectionPool.open(TestDatabase.get().settings())) {
      assertEquals(0, new SchemaMigrations(pool).migrateShared(), "the module already migrated at start-up");
    }
  }

  @Test
  void the_directory_pages_through_active_tenants_in_id_order() {
    List<TenantId> mine = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      mine.add(db.newTenant());
    }
    List<TenantId> walked = new ArrayList<>();
    Optional<TenantId> after = Optional.empty();
    List<TenantId> page;
    do {
      page = db.directory.activeTenants(after, 3);
      assertTrue(page.size() <= 3);
      walked.addAll(page);
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
    } while (!page.isEmpty());
    assertTrue(walked.containsAll(mine));
    assertEquals(walked.stream().sorted().toList(), walked, "ascending id order, no repeats");
    assertEquals(walked.size(), walked.stream().distinct().count());
  }

  /** The migration runner with Crosslist's track made of {@code scripts}. */
  static TenantMigrations migrations(javax.sql.DataSource pool, List<MigrationScript> scripts) {
    return new TenantMigrations(pool, List.of(new MigrationTrack(MigrationTrack.CROSSLIST, scripts)),
        java.time.Duration.ofSeconds(2), 3);
  }

  private static boolean schemaExists(TenantId tenant) throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
      ps.setString(1, tenant.schemaName());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long count(String sql, TenantId tenant) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
