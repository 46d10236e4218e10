package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.application.schedule.AbandonedDraftsTask;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code crosslist tasks list} and {@code crosslist tasks run}, on real PostgreSQL. */
class TasksCommandTest {
  private static final Persistence db = Persistence.get();
  private static final String URL = TestDatabase.get().jdbcUrl();

  @Test
  void list_shows_every_task_with_its_default_interval() {
    CliRun list = run("tasks", "list", "--jdbc-url", URL);
    assertEquals(0, list.exit(), list.err());
    for (String line : new String[] {"job-cleanup          PT10M", "drafts-cleanup       PT24H",
        "token-refresh        PT5M", "vinted-keep-alive    PT15M", "etsy-polling         PT5M",
        "conversations-sync   PT10M", "tenant-migration     PT1M"}) {
      assertTrue(list.out().contains(line), line + " in\n" + list.out());
    }
  }

  @Test
  void run_runs_a_task_now_for_the_selected_tenants_and_exits_3_naming_a_failed_one() throws Exception {
    TenantId fine = db.newTenant();
    TenantId broken = db.newTenant();
    CliRun one = run("tasks", "run", AbandonedDraftsTask.NAME, "--tenants", String.valueOf(fine.value()),
        "--jdbc-url", URL);
    assertEquals(0, one.exit(), one.err());
    assertTrue(one.out().contains("running drafts-cleanup now for 1 selected tenant(s)..."), one.out());
    assertTrue(one.out().contains("drafts-cleanup: 1 tenant(s) processed, 0 failed, 0 skipped"), one.out());

    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
      st.execute("alter table \"user_" + broken.value() + "\".products rename to products_moved");
    }
    CliRun two = run("tasks", "run", AbandonedDraftsTask.NAME, "--tenants", fine.value() + "," + broken.value(),
        "--jdbc-url", URL);
    assertEquals(3, two.exit(), two.out() + two.err());
    assertTrue(two.out().contains("1 tenant(s) processed, 1 failed [" + broken + "]"), two.out());
    assertTrue(two.out().contains("failed tenants (first 1; run it again with --tenants to retry them):\n  "
        + broken.value() + ": "), two.out());
  }

  @Test
  void an_unknown_task_a_bad_tenant_or_a_task_running_elsewhere_is_refused_with_exit_2() {
    CliRun unknown = run("tasks", "run", "newsletter", "--jdbc-url", URL);
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("error: no recurring task is named 'newsletter'; known: [job-cleanup,"
        + " drafts-cleanup, token-refresh, vinted-keep-alive, etsy-polling, conversations-sync, tenant-migration]"),
        unknown.err());

    CliRun badTenant = run("tasks", "run", "drafts-cleanup", "--tenants", "042", "--jdbc-url", URL);
    assertEquals(2, badTenant.exit());
    assertTrue(badTenant.err().contains("tenants: '042'"), badTenant.err());

    TickLedger ledger = db.injector.getInstance(TickLedger.class);
    assertTrue(ledger.tryStartNow(AbandonedDraftsTask.NAME, "another-host", Duration.ofHours(1)));
    try {
      CliRun busy = run("tasks", "run", AbandonedDraftsTask.NAME, "--tenants", "1", "--jdbc-url", URL);
      assertEquals(2, busy.exit(), busy.out());
      assertTrue(busy.err().contains("error: recurring task drafts-cleanup is running on another-host"), busy.err());
      assertFalse(busy.out().contains("processed"), busy.out());
    } finally {
      ledger.finish(AbandonedDraftsTask.NAME, "another-host");
    }
  }

  @Test
  void conversations_sync_run_now_stores_the_conversations_of_a_connected_tenant() throws Exception {
    io.crosslist.domain.tenant.TenantId tenant = db.newTenant();
    db.injector.getInstance(io.crosslist.domain.connection.MarketplaceConnectionRepository.class).add(tenant,
        io.crosslist.domain.connection.ConnectionFixtures.ebay("conversations"));
    io.crosslist.domain.conversation.ConversationRepository conversations =
        db.injector.getInstance(io.crosslist.domain.conversation.ConversationRepository.class);
    assertTrue(conversations.threads(tenant, 10).isEmpty());

    CliRun sync = run("tasks", "run", "conversations-sync", "--jdbc-url", URL, "--tenants",
        String.valueOf(tenant.value()));

    assertEquals(0, sync.exit(), sync.out() + sync.err());
    assertTrue(sync.out().contains("conversations-sync: 1 tenant(s) processed, 0 failed"), sync.out());
    assertEquals(2, conversations.threads(tenant, 10).size(), "two simulated eBay threads");
  }
}
