package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code crosslist jobs batch-existing}: what it prints, its dry run, its re-run and its exit codes. */
class JobsCommandTest {
  private final Persistence db = Persistence.get();
  private final String url = TestDatabase.get().jdbcUrl();

  private static void sql(String statement) throws SQLException {
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** A finished standalone job, as the old back end left them, enqueued {@code minute} minutes after 08:00. */
  private static void finishedJob(TenantId tenant, String status, int minute) throws SQLException {
    sql("insert into " + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_jobs (marketplace, action, status,"
        + " priority, attempts, max_attempts, run_after, created_at, updated_at, finished_at) values ('VINTED',"
        + " 'PUBLISH', '" + status + "', 0, 1, 5, timestamptz '2026-05-01 08:00Z' + interval '" + minute
        + " minutes', timestamptz '2026-05-01 08:00Z' + interval '" + minute + " minutes', now(), now())");
  }

  @Test
  void a_dry_run_prints_the_groups_a_run_makes_them_and_a_second_run_finds_nothing() throws Exception {
    TenantId tenant = db.newTenant();
    finishedJob(tenant, "COMPLETED", 0);
    finishedJob(tenant, "COMPLETED", 3);
    finishedJob(tenant, "FAILED", 6);
    finishedJob(tenant, "COMPLETED", 30); // 24 minutes later: alone
    String id = String.valueOf(tenant.value());

    CliRun dry = run("jobs", "batch-existing", "--jdbc-url", url, "--tenants", id, "--window", "5m", "--dry-run");
    assertEquals(0, dry.exit(), dry.out() + dry.err());
    assertTrue(dry.out().contains("tenant " + id + ": would group 3 job(s) into 1 batch(es)"), dry.out());
    assertTrue(dry.out().contains("VINTED PUBLISH: 3 job(s) enqueued 2026-05-01T08:00:00Z to 2026-05-01T08:06:00Z,"
        + " counts pending=0 completed=2 failed=1 cancelled=0 expired=0"), dry.out());
    assertTrue(dry.out().contains("totals: 1 batch(es), 3 job(s) would be moved (dry run: nothing changed)"),
        dry.out());

    CliRun real = run("jobs", "batch-existing", "--jdbc-url", url, "--tenants", id, "--window", "PT5M");
    assertEquals(0, real.exit(), real.out() + real.err());
    assertTrue(real.out().contains("tenant " + id + ": grouped 3 job(s) into 1 batch(es)"), real.out());
    assertTrue(real.out().contains("totals: 1 batch(es), 3 job(s) moved"), real.out());

    CliRun again = run("jobs", "batch-existing", "--jdbc-url", url, "--tenants", id, "--window", "5m");
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().contains("tenant " + id + ": nothing to group"), again.out());
  }

  @Test
  void a_failed_tenant_is_named_the_others_are_done_and_the_exit_code_is_3() throws Exception {
    TenantId tenant = db.newTenant();
    finishedJob(tenant, "COMPLETED", 0);
    finishedJob(tenant, "CANCELLED", 1);
    TenantId broken = db.newTenant(); // its jobs table is away while the command runs: its grouping fails
    String table = TenantSqlRenderer.quotedSchema(broken) + ".marketplace_jobs";
    sql("alter table " + table + " rename to marketplace_jobs_away");
    CliRun result;
    try {
      result = run("jobs", "batch-existing", "--jdbc-url", url, "--tenants", tenant.value() + "," + broken.value());
    } finally {
      sql("alter table " + table + "_away rename to marketplace_jobs");
    }

    assertEquals(3, result.exit(), result.out() + result.err());
    assertTrue(result.out().contains("tenant " + tenant.value() + ": grouped 2 job(s) into 1 batch(es)"),
        result.out());
    assertTrue(result.out().contains("tenant " + broken.value() + ": FAILED: "), result.out());
  }

  @Test
  void a_bad_window_is_refused_naming_the_option() {
    CliRun zero = run("jobs", "batch-existing", "--jdbc-url", url, "--window", "0s");
    assertEquals(2, zero.exit());
    assertTrue(zero.err().contains("--window: must be between 1 second and 7 days"), zero.err());
    CliRun garbage = run("jobs", "batch-existing", "--jdbc-url", url, "--window", "soon");
    assertEquals(2, garbage.exit());
    assertTrue(garbage.err().contains("--window (CROSSLIST_WINDOW, or window in the configuration file): 'soon' is"
        + " not a duration"), garbage.err());
  }
}
