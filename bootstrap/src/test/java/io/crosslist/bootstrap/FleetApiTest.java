package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static io.crosslist.bootstrap.ApiClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fleet operations over HTTP: dropping a tenant, fleet migrations, and a tenant behind this build served 503. */
class FleetApiTest {
  private static final String JSON = "Content-Type: application/json";
  private static final Persistence db = Persistence.get();
  private static ApiClient client;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    client = new ApiClient(db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule()));
    admin = "Authorization: Bearer " + ApiClient.adminToken();
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  /** Makes {@code tenant} one version behind in Crosslist's track, as a tenant of the previous build is. */
  private static void setBackOneVersion(TenantId tenant) throws Exception {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
      st.execute("delete from crosslist.tenant_migrations where tenant_id = " + tenant.value()
          + " and track = 'crosslist' and version = 14");
      st.execute("update crosslist.tenant_tracks set version = 13 where tenant_id = " + tenant.value()
          + " and track = 'crosslist'");
    }
  }

  /** The version this build brings a tenant to: a new tenant's. */
  private static int latest() throws Exception {
    return version(db.newTenant());
  }

  private static int version(TenantId tenant) throws Exception {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement(); ResultSet rs =
        st.executeQuery("select version from crosslist.tenant_tracks where track = 'crosslist' and tenant_id = "
            + tenant.value())) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  @Test
  void a_tenant_behind_this_build_gets_503_tenant_migrating_while_it_is_migrated_first_and_others_are_served()
      throws Exception {
    TenantId behind = db.newTenant();
    TenantId other = db.newTenant();
    setBackOneVersion(behind);
    String behindToken = "Authorization: Bearer " + ApiClient.token(behind.value());
    ApiClient.Response first = client.send("GET", "/products", null, behindToken);
    assertProblem(first, 503, "tenant-migrating");
    assertEquals("2", first.header("Retry-After"));
    assertEquals(200, client.send("GET", "/products", null, "Authorization: Bearer "
        + ApiClient.token(other.value())).status(), "an unaffected tenant is served");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int status = first.status();
    while (status != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = client.send("GET", "/products", null, behindToken).status();
    }
    assertEquals(200, status, "served once its migration is done");
    assertEquals(latest(), version(behind));
  }

  @Test
  void a_job_of_a_tenant_behind_this_build_runs_after_its_tenant_is_migrated_by_the_worker() throws Exception {
    db.clearDispatchIndex();
    TenantId behind = db.newTenant();
    com.google.inject.Injector injector = db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule());
    var job = injector.getInstance(io.crosslist.application.job.port.in.EnqueueJobUseCase.class).enqueue(behind,
        io.crosslist.domain.job.JobRequest.of(io.crosslist.domain.marketplace.Marketplace.EBAY,
            io.crosslist.domain.job.JobAction.SYNC_ORDERS, null));
    setBackOneVersion(behind);
    try (var pool = new io.crosslist.adapter.scheduler.JobWorkerPool(
        io.crosslist.adapter.scheduler.WorkerSettings.defaults("fleet-test"),
        injector.getInstance(io.crosslist.adapter.scheduler.JobWorkerPool.Ports.class),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).start()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      io.crosslist.domain.job.JobStatus status = null;
      while (status != io.crosslist.domain.job.JobStatus.COMPLETED && System.nanoTime() < deadline) {
        Thread.sleep(100);
        status = db.jobs.findById(behind, job.id()).orElseThrow().status();
      }
      assertEquals(io.crosslist.domain.job.JobStatus.COMPLETED, status);
      pool.shutdown();
    }
    assertEquals(latest(), version(behind), "the worker migrated the tenant before it started its job");
  }

  @Test
  void an_administrator_starts_a_fleet_migration_and_follows_it_to_its_end() throws Exception {
    TenantId one = db.newTenant();
    TenantId two = db.newTenant();
    setBackOneVersion(one);
    setBackOneVersion(two);
    ApiClient.Response started = client.send("POST", "/admin/fleet/migrations", "{\"tenants\": [" + one.value()
        + ", " + two.value() + "], \"parallelism\": 2}", admin, JSON);
    assertEquals(202, started.status(), started.body());
    String location = started.header("Location");
    assertTrue(location.startsWith("/admin/fleet/migrations/m"), location);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String body = client.send("GET", location, null, admin).body();
    while (!body.contains("\"state\":\"COMPLETED\"") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      body = client.send("GET", location, null, admin).body();
    }
    assertTrue(body.contains("\"state\":\"COMPLETED\"") && body.contains("\"total\":2") && body.contains("\"done\":2")
        && body.contains("\"failed\":0"), body);
    assertEquals(latest(), version(one));
    assertEquals(latest(), version(two));
    assertTrue(client.send("GET", "/admin/fleet/migrations", null, admin).body().contains(location.substring(
        location.lastIndexOf('/') + 1)));
    assertProblem(client.send("GET", "/admin/fleet/migrations/m999", null, admin), 404, "not-found");
    assertProblem(client.send("POST", "/admin/fleet/migrations", "{\"parallelism\": 0}", admin, JSON), 422,
        "validation");
    assertProblem(client.send("POST", "/admin/fleet/migrations", "{\"tenants\": [\"042\"]}", admin, JSON), 422,
        "validation");
    assertProblem(client.send("POST", "/admin/fleet/migrations", null, "Authorization: Bearer "
        + ApiClient.token(one.value())), 403, "forbidden");
  }

  @Test
  void the_background_migration_task_brings_every_tenant_behind_up_to_date() throws Exception {
    TenantId behind = db.newTenant();
    setBackOneVersion(behind);
    com.google.inject.Injector injector = db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule());
    var summary = new io.crosslist.application.tenant.TenantMigrationTask(injector.getInstance(
        io.crosslist.application.tenant.MigrateTenantsUseCase.class), 2).run();
    assertEquals("tenant-migration", summary.task());
    assertTrue(summary.itemsChanged() >= 1, summary.toString());
    assertEquals(latest(), version(behind));
  }

  @Test
  void an_administrator_drops_a_suspended_tenant_and_never_an_active_one() throws Exception {
    TenantId tenant = db.newTenant();
    assertProblem(client.send("DELETE", "/admin/tenants/" + tenant.value(), null, admin), 409, "tenant-active");
    assertEquals(200, client.send("POST", "/admin/tenants/" + tenant.value() + "/suspend", null, admin).status());
    assertEquals(204, client.send("DELETE", "/admin/tenants/" + tenant.value(), null, admin).status());
    assertProblem(client.send("GET", "/admin/tenants/" + tenant.value(), null, admin), 404, "not-found");
    assertProblem(client.send("DELETE", "/admin/tenants/" + tenant.value(), null, admin), 404, "not-found");
    assertEquals(201, client.send("POST", "/admin/tenants", "{\"tenantId\": " + tenant.value() + "}", admin, JSON)
        .status(), "provisioned again as a new tenant");
  }
}
