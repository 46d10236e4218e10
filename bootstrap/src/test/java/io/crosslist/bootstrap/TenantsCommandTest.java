package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.TenantSuspension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crosslist tenants}: provisioning many tenants, migrating the fleet, dropping one, and their refusals. */
class TenantsCommandTest {
  private final Persistence db = Persistence.get();
  private final String url = TestDatabase.get().jdbcUrl();

  @TempDir
  Path dir;

  @Test
  void provision_takes_ranges_lists_and_a_file_and_a_second_run_changes_nothing() throws Exception {
    long base = Persistence.unusedTenant().value() + 100;
    while (Persistence.unusedTenant().value() < base + 8) {
      // keep base..base+7 out of other tests' way: the counter moves past them (it used to skip 8 ids, not 108)
    }
    Path file = dir.resolve("tenants.txt");
    Files.writeString(file, "# more tenants\n" + (base + 6) + "\n\n" + (base + 7) + "\n");
    CliRun first = run("tenants", "provision", base + "-" + (base + 3), (base + 4) + "," + (base + 5), "@" + file,
        "--jdbc-url", url, "--parallel", "3");
    assertEquals(0, first.exit(), first.out() + first.err());
    assertTrue(first.out().contains("tenants provision: 8 tenant(s) provisioned or brought up to date, 0 already"
        + " current, 0 failed"), first.out());
    for (long id = base; id < base + 8; id++) {
      assertTrue(db.directory.find(TenantId.of(id)).isPresent(), "tenant " + id);
    }
    CliRun again = run("tenants", "provision", base + "-" + (base + 7), "--jdbc-url", url);
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("0 tenant(s) provisioned or brought up to date, 8 already current"), again.out());
  }

  @Test
  void migrate_answers_from_the_registry_and_a_dry_run_changes_nothing() {
    TenantId tenant = db.newTenant();
    CliRun dry = run("tenants", "migrate", "--dry-run", "--jdbc-url", url);
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(dry.out().contains("this build's tenant tracks: {crosslist=14}; 0 tenant(s) behind"), dry.out());
    CliRun selected = run("tenants", "migrate", "--tenants", Long.toString(tenant.value()), "--jdbc-url", url);
    assertEquals(0, selected.exit(), selected.err());
    assertTrue(selected.out().contains("tenants migrate: 0 tenant(s) migrated, 1 already current, 0 failed"),
        selected.out());
  }

  @Test
  void distribute_prints_its_citus_statements_in_a_dry_run_and_refuses_without_the_extension() {
    TenantId tenant = db.newTenant();
    CliRun dry = run("tenants", "distribute", "--tenants", Long.toString(tenant.value()), "--dry-run", "--jdbc-url",
        url);
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(dry.out().contains("the citus extension is not installed in this database\nwould run 7 statement(s):\n"
        + "select create_reference_table('crosslist.brands');\n"), dry.out());
    assertTrue(dry.out().contains("select create_reference_table('crosslist.job_dispatch');\n"), dry.out());
    assertTrue(dry.out().contains("select citus_schema_distribute('" + tenant.schemaName() + "');\n(dry run: nothing"
        + " changed)"), dry.out());
    CliRun real = run("tenants", "distribute", "--tenants", Long.toString(tenant.value()), "--jdbc-url", url);
    assertEquals(2, real.exit(), real.out());
    assertTrue(real.err().contains("error: the citus extension is not installed in this database: nothing can be"
        + " distributed"), real.err());
    CliRun provisioned = run("tenants", "provision", Long.toString(Persistence.unusedTenant().value()), "--citus",
        "distribute", "--jdbc-url", url);
    assertEquals(0, provisioned.exit(), "inactive without the extension: " + provisioned.err());
    CliRun bad = run("tenants", "provision", "5", "--citus", "everywhere", "--jdbc-url", url);
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--citus"), bad.err());
  }

  @Test
  void drop_needs_a_suspended_tenant_and_a_confirmation() {
    TenantId tenant = db.newTenant();
    CliRun unconfirmed = run("tenants", "drop", Long.toString(tenant.value()), "--jdbc-url", url);
    assertEquals(2, unconfirmed.exit());
    assertTrue(unconfirmed.err().contains("not dropped: confirm by typing the tenant id, or pass --yes"),
        unconfirmed.err());
    CliRun active = run("tenants", "drop", Long.toString(tenant.value()), "--yes", "--jdbc-url", url);
    assertEquals(2, active.exit());
    assertTrue(active.err().contains("is active: suspend it first"), active.err());
    db.injector.getInstance(TenantSuspension.class).changeStatus(tenant, TenantStatus.SUSPENDED);
    CliRun dropped = run("tenants", "drop", Long.toString(tenant.value()), "--yes", "--jdbc-url", url);
    assertEquals(0, dropped.exit(), dropped.err());
    assertTrue(db.directory.find(tenant).isEmpty());
  }

  @Test
  void a_bad_selection_is_one_line_and_exit_2() {
    for (List<String> args : List.of(List.of("tenants", "provision", "5-3"), List.of("tenants", "provision", "042"),
        List.of("tenants", "provision", "1-x"), List.of("tenants", "provision", "@/nonexistent/file"),
        List.of("tenants", "migrate", "--parallel", "0"), List.of("tenants", "drop", "+7", "--yes"))) {
      String[] line = args.toArray(String[]::new);
      CliRun refused = run(concat(line, "--jdbc-url", url));
      assertEquals(2, refused.exit(), args + ": " + refused.out() + refused.err());
      assertFalse(refused.err().contains("\tat "), "no stack trace: " + refused.err());
    }
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
