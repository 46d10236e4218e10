package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static io.crosslist.domain.connection.ConnectionFixtures.ebay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The operator's commands for connections carried over from the old back end: `reseal` says what is
 * still plaintext, and `connections reindex` rebuilds the connected-accounts index for every tenant.
 */
class ConnectionsCommandTest {
  private final Persistence db = Persistence.get();
  private final MarketplaceConnectionRepository repository =
      db.injector.getInstance(MarketplaceConnectionRepository.class);
  private final ConnectedTenantIndex index = db.injector.getInstance(ConnectedTenantIndex.class);
  private final String url = TestDatabase.get().jdbcUrl();

  private static void sql(String statement) throws SQLException {
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  /** Tokens in plaintext and no index entry: what the old back end's export leaves. */
  private static void insertLegacyEbay(TenantId tenant) throws SQLException {
    sql("insert into " + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_connections (marketplace,"
        + " external_account_id, display_name, status, access_token, refresh_token, token_expires_at, created_at,"
        + " updated_at) values ('EBAY', 'seller', 'Old eBay', 'CONNECTED', convert_to('plain-access', 'UTF8'),"
        + " convert_to('plain-refresh', 'UTF8'), now() + interval '1 minute', now(), now())");
  }

  private boolean indexed(TenantId tenant, Marketplace marketplace) {
    return index.tenantsConnectedTo(marketplace, TenantId.of(tenant.value() - 1), 1).contains(tenant);
  }

  @Test
  void a_rotation_reports_plaintext_as_plaintext_and_the_plaintext_pass_encrypts_and_indexes_it() throws Exception {
    TenantId tenant = db.newTenant();
    insertLegacyEbay(tenant);
    String after = String.valueOf(tenant.value() - 1);

    CliRun rotation = run("reseal", "--jdbc-url", url, "--secret-keyset", TestDatabase.KEYSET, "--scope", "OLD_KEYS",
        "--after", after, "--max-tenants", "1");

    assertEquals(3, rotation.exit(), rotation.out() + rotation.err());
    assertTrue(rotation.out().contains("secrets: 2 scanned, 0 rewritten, 0 already current, 2 plaintext, 0 on an"
        + " old key, 0 failed"), rotation.out());
    assertTrue(rotation.out().contains("2 secrets are still stored in plaintext: run `crosslist reseal --scope"
        + " PLAINTEXT`"), rotation.out());
    assertTrue(indexed(tenant, Marketplace.EBAY), "whatever its scope, a reseal indexes the rows it locks");
    sql("delete from crosslist.connected_accounts where tenant_id = " + tenant.value());

    CliRun plaintext = run("reseal", "--jdbc-url", url, "--secret-keyset", TestDatabase.KEYSET, "--scope",
        "PLAINTEXT", "--after", after, "--max-tenants", "1");

    assertEquals(0, plaintext.exit(), plaintext.out() + plaintext.err());
    assertTrue(plaintext.out().contains("secrets: 2 scanned, 2 rewritten, 0 already current, 0 plaintext"),
        plaintext.out());
    assertTrue(indexed(tenant, Marketplace.EBAY), "the row the reseal touched is in the index now");
    assertEquals("plain-access", repository.list(tenant).get(0).tokens().accessToken().reveal());
  }

  @Test
  void reindex_restores_every_tenants_entries_reports_each_tenant_and_a_failed_one_makes_the_exit_code_non_zero()
      throws Exception {
    TenantId first = db.newTenant();
    TenantId broken = db.newTenant();
    TenantId fine = db.newTenant();
    repository.add(first, ebay("first"));
    repository.add(broken, ebay("broken"));
    repository.add(fine, ebay("fine"));
    sql("delete from crosslist.connected_accounts where tenant_id in (" + first.value() + ", " + broken.value() + ")");
    sql("alter table " + TenantSqlRenderer.quotedSchema(broken) + ".marketplace_connections rename to moved_away");
    String[] reindex = {"connections", "reindex", "--jdbc-url", url, "--after", String.valueOf(first.value() - 1),
        "--max-tenants", "3", "--progress-every", "2"};
    CliRun failing;
    try {
      failing = run(reindex);
    } finally {
      sql("alter table " + TenantSqlRenderer.quotedSchema(broken) + ".moved_away rename to marketplace_connections");
    }

    assertEquals(3, failing.exit(), failing.out() + failing.err());
    String out = failing.out();
    assertTrue(out.contains("tenant " + first.value() + ": 1 connected, repaired: 1 added, 0 removed\n"), out);
    assertTrue(out.contains("tenant " + broken.value() + ": FAILED: "), out);
    assertTrue(out.contains("tenant " + fine.value() + ": 1 connected, in step\n"), out);
    assertTrue(out.contains("progress: 2 tenants done (last " + broken.value() + "); 1 repaired, 1 failed\n"), out);
    assertTrue(out.contains(": 3 tenants (last " + fine.value() + "); 2 connected; entries: 1 added, 0 removed;"
        + " tenants: 1 repaired, 1 failed\n"), out);
    assertTrue(out.contains("  failed: tenant " + broken.value() + ": "), out);
    assertTrue(indexed(first, Marketplace.EBAY), "the failure of one tenant did not stop the others");

    CliRun repaired = run(reindex);
    assertEquals(0, repaired.exit(), repaired.out() + repaired.err());
    assertTrue(repaired.out().contains("tenant " + broken.value() + ": 1 connected, repaired: 1 added, 0 removed"),
        repaired.out());
    assertTrue(indexed(broken, Marketplace.EBAY));
    CliRun again = run(reindex);
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().contains("3 connected; entries: 0 added, 0 removed; tenants: 0 repaired, 0 failed"),
        again.out());

    CliRun bad = run("connections", "reindex", "--jdbc-url", url, "--progress-every", "0");
    assertEquals(2, bad.exit());
    assertEquals("error: --progress-every: must be 1 or more, got 0", bad.err().strip());
  }
}
