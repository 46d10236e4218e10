package io.crosslist.adapter.persistence;

import static io.crosslist.domain.connection.ConnectionFixtures.ebay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.connection.port.in.ConnectionView;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase.ReindexRequest;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase.ReindexRun;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase.TenantOutcome;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase.ResealRequest;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase.ResealRun;
import io.crosslist.application.connection.service.ConnectedIndexRebuildService;
import io.crosslist.application.connection.service.MarketplaceConnectionService;
import io.crosslist.application.connection.service.SecretResealService;
import io.crosslist.application.connection.service.TokenRefreshService;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.TokenRefreshAheadTask;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.ReindexReport;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.connection.ResealScope;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretState;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.TenantSuspension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Connections carried over from an older back end, as an operator's migration writes them: inserted with SQL
 * into the tenant's table, tokens in plaintext, nothing in the shared connected-accounts index.
 */
class LegacyCredentialsTest {
  private final Persistence db = Persistence.get();
  private final MarketplaceConnectionRepository repository =
      db.injector.getInstance(MarketplaceConnectionRepository.class);
  private final ConnectedTenantIndex index = db.injector.getInstance(ConnectedTenantIndex.class);
  private final MarketplaceConnectionService connections = new MarketplaceConnectionService(repository,
      Clock.systemUTC());
  private final SecretResealService reseal = new SecretResealService(db.directory, repository);
  private final ConnectedIndexRebuildService reindex = new ConnectedIndexRebuildService(db.directory, repository);

  /** An eBay account as the old back end's export left it: plaintext tokens, due to expire within a minute. */
  static long insertLegacyEbay(TenantId tenant, String account) throws SQLException {
    return insert(tenant, "insert into " + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_connections"
        + " (marketplace, external_account_id, display_name, status, access_token, refresh_token, token_expires_at,"
        + " scopes, created_at, updated_at) values ('EBAY', '" + account + "', 'eBay (old back end)', 'CONNECTED',"
        + " convert_to('legacy-access-" + account + "', 'UTF8'), convert_to('legacy-refresh-" + account + "', 'UTF8'),"
        + " now() + interval '1 minute', '{sell.inventory}', now(), now()) returning id");
  }

  /** A Vinted session as the old back end's export left it: the cookie header in plaintext. */
  static long insertLegacyVinted(TenantId tenant) throws SQLException {
    return insert(tenant, "insert into " + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_connections"
        + " (marketplace, external_account_id, display_name, status, session_cookies, created_at, updated_at)"
        + " values ('VINTED', 'member', 'Vinted (old back end)', 'CONNECTED',"
        + " convert_to('_vinted_fr_session=legacy-cookie', 'UTF8'), now(), now()) returning id");
  }

  private static long insert(TenantId tenant, String sql) throws SQLException {
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private boolean indexed(TenantId tenant, Marketplace marketplace) {
    return index.tenantsConnectedTo(marketplace, TenantId.of(tenant.value() - 1), 1).contains(tenant);
  }

  /** Reseal of this one tenant through the use case, as `crosslist reseal` runs it. */
  private ResealRun resealOne(TenantId tenant, ResealScope scope) {
    return reseal.reseal(new ResealRequest(scope, TenantId.of(tenant.value() - 1), 1, 500));
  }

  @Test
  void a_plaintext_or_unreadable_connection_is_listed_with_its_state_and_the_command_that_fixes_it()
      throws SQLException {
    TenantId tenant = db.newTenant();
    ConnectionId ebay = ConnectionId.of(insertLegacyEbay(tenant, "seller"));
    ConnectionId vinted = ConnectionId.of(insertLegacyVinted(tenant));
    TenantId other = db.newTenant();
    MarketplaceConnection copied = repository.add(other, ebay("copied"));
    sql("update " + TenantSqlRenderer.quotedSchema(other) + ".marketplace_connections set access_token = refresh_token");

    List<ConnectionView> listed = connections.list(tenant);

    assertEquals(List.of(ebay, vinted), listed.stream().map(ConnectionView::id).toList());
    ConnectionView plaintext = connections.get(tenant, ebay);
    assertEquals(listed.get(0), plaintext);
    assertEquals(SecretState.PLAINTEXT, plaintext.secretState());
    assertEquals("run `crosslist reseal --scope PLAINTEXT` (library: ResealSecretsUseCase with"
        + " ResealScope.PLAINTEXT) to encrypt it", plaintext.secretFix());
    assertEquals("the access_token of connection " + ebay + " of " + tenant + " is stored in plaintext; the"
        + " refresh_token of connection " + ebay + " of " + tenant + " is stored in plaintext", plaintext.secretProblem());
    assertEquals(Set.of("sell.inventory"), plaintext.scopes());
    assertTrue(plaintext.tokenExpiresAt().isBefore(Instant.now().plus(Duration.ofMinutes(2))));
    assertEquals(SecretState.PLAINTEXT, listed.get(1).secretState());
    assertFalse(listed.toString().contains("legacy-access") || listed.toString().contains("legacy-cookie"),
        "no secret shown: " + listed);

    ConnectionView unreadable = connections.get(other, copied.id());
    assertEquals(SecretState.UNREADABLE, unreadable.secretState());
    assertTrue(unreadable.secretFix().startsWith("deploy a keyset that holds the key"), unreadable.secretFix());
    assertTrue(unreadable.secretProblem().startsWith("the access_token of connection " + copied.id() + " of " + other
        + " cannot be decrypted"), unreadable.secretProblem());

    resealOne(tenant, ResealScope.PLAINTEXT);
    assertEquals(List.of(SecretState.SEALED, SecretState.SEALED),
        connections.list(tenant).stream().map(ConnectionView::secretState).toList());
    assertNull(connections.get(tenant, ebay).secretFix());
    repository.revoke(other, copied.id(), Instant.now()); // nothing unreadable left for other tests' passes
  }

  @Test
  void a_reseal_of_plaintext_indexes_the_rows_it_touches_so_token_refresh_renews_a_token_due_within_a_minute()
      throws SQLException {
    TenantId tenant = db.newTenant();
    String account = "legacy-" + tenant.value();
    ConnectionId ebay = ConnectionId.of(insertLegacyEbay(tenant, account));
    insertLegacyVinted(tenant);
    assertFalse(indexed(tenant, Marketplace.EBAY), "the migration wrote no index entry");

    ResealRun run = resealOne(tenant, ResealScope.PLAINTEXT);

    assertEquals(new ResealReport(3, 3, 0, 0, 0, 0, List.of()), run.secrets());
    assertEquals(0, run.plaintextLeft());
    assertTrue(indexed(tenant, Marketplace.EBAY));
    assertTrue(indexed(tenant, Marketplace.VINTED));
    Instant expiry = connections.get(tenant, ebay).tokenExpiresAt();

    // the recurring task finds the tenant through the index, and the token due within a minute is renewed
    AtomicInteger calls = new AtomicInteger();
    OAuthGateway gateway = new OAuthGateway() {
      @Override
      public Marketplace marketplace() {
        return Marketplace.EBAY;
      }

      @Override
      public OAuthTokens refresh(TenantId owner, String externalAccountId, Secret refreshToken) {
        if (!externalAccountId.equals(account)) { // other tests' tenants: left as they are
          throw new MarketplaceException(Marketplace.EBAY, true, "not this test's account");
        }
        calls.incrementAndGet();
        assertEquals("legacy-refresh-" + account, refreshToken.reveal(), "the resealed refresh token reads");
        return new OAuthTokens(Secret.of("accessToken", "fresh"), refreshToken, Instant.now().plus(Duration.ofHours(2)),
            Set.of("sell.inventory"));
      }
    };
    TokenRefreshService refresh = new TokenRefreshService(repository, List.of(gateway), db.journal, db.unitOfWork,
        Clock.systemUTC());
    RunSummary summary = new TokenRefreshAheadTask(index, refresh, Duration.ofMinutes(10), 2).run();

    assertEquals(1, calls.get(), summary.toString());
    assertTrue(connections.get(tenant, ebay).tokenExpiresAt().isAfter(expiry.plus(Duration.ofHours(1))));
    assertEquals("fresh", repository.findById(tenant, ebay).orElseThrow().tokens().accessToken().reveal());
  }

  @Test
  void a_rotation_reports_a_plaintext_secret_as_plaintext_never_as_current() throws SQLException {
    TenantId tenant = db.newTenant();
    insertLegacyEbay(tenant, "rotated");

    assertEquals(new ResealReport(2, 0, 0, 2, 0, 0, List.of()), repository.reseal(tenant, ResealScope.OLD_KEYS));
    ResealRun run = resealOne(tenant, ResealScope.OLD_KEYS);
    assertEquals(0, run.secrets().alreadyCurrent());
    assertEquals(2, run.plaintextLeft());
    assertEquals(0, run.remaining(), "nothing in the rotation's scope failed");

    assertEquals(new ResealReport(2, 2, 0, 0, 0, 0, List.of()), resealOne(tenant, ResealScope.PLAINTEXT).secrets());
    assertEquals(new ResealReport(2, 0, 2, 0, 0, 0, List.of()), repository.reseal(tenant, ResealScope.OLD_KEYS),
        "encrypted with the primary key: current now");
  }

  @Test
  void a_reseal_covers_suspended_tenants_too() throws SQLException {
    TenantId tenant = db.newTenant();
    insertLegacyEbay(tenant, "suspended");
    db.injector.getInstance(TenantSuspension.class).changeStatus(tenant, TenantStatus.SUSPENDED);

    ResealRun run = resealOne(tenant, ResealScope.PLAINTEXT);

    assertEquals(tenant, run.lastTenant());
    assertEquals(2, run.secrets().resealed());
    db.injector.getInstance(TenantSuspension.class).changeStatus(tenant, TenantStatus.ACTIVE);
  }

  @Test
  void the_rebuild_restores_every_tenants_index_reports_each_tenant_goes_on_past_a_failure_and_is_idempotent()
      throws SQLException {
    TenantId first = db.newTenant();
    TenantId broken = db.newTenant();
    TenantId stale = db.newTenant();
    MarketplaceConnection firstEbay = repository.add(first, ebay("first"));
    insertLegacyVinted(first); // never indexed: written around Crosslist
    repository.add(broken, ebay("broken"));
    repository.add(stale, ebay("stale"));
    sql("delete from crosslist.connected_accounts where tenant_id in (" + first.value() + ", " + broken.value() + ")");
    // the revoke written around Crosslist too: the index still names the connection, and an entry with no connection
    sql("update " + TenantSqlRenderer.quotedSchema(stale) + ".marketplace_connections set status = 'REVOKED',"
        + " access_token = null, refresh_token = null");
    sql("insert into crosslist.connected_accounts (marketplace, tenant_id, connection_id) values ('ETSY', "
        + stale.value() + ", 4242)");
    sql("alter table " + TenantSqlRenderer.quotedSchema(broken) + ".marketplace_connections rename to moved_away");
    ReindexRequest threeTenants = new ReindexRequest(TenantId.of(first.value() - 1), 3, 2);
    try {
      List<TenantOutcome> heard = new ArrayList<>();
      ReindexRun run = reindex.reindex(threeTenants, heard::add);

      assertEquals(List.of(first, broken, stale), heard.stream().map(TenantOutcome::tenant).toList(), "in order");
      assertEquals(new ReindexReport(2, 2, 0), heard.get(0).report());
      assertTrue(heard.get(1).failed());
      assertTrue(heard.get(1).failure().contains(String.valueOf(broken.value())), heard.get(1).failure());
      assertEquals(new ReindexReport(0, 0, 2), heard.get(2).report());
      assertEquals(3, run.tenants());
      assertEquals(stale, run.lastTenant());
      assertEquals(List.of(heard.get(0), heard.get(2)), run.repaired());
      assertEquals(List.of(heard.get(1)), run.failed());
      assertEquals(new ReindexReport(2, 2, 2), run.totals());
      assertTrue(indexed(first, Marketplace.EBAY));
      assertTrue(indexed(first, Marketplace.VINTED));
      assertFalse(indexed(stale, Marketplace.EBAY));
      assertFalse(indexed(stale, Marketplace.ETSY));
      assertEquals(firstEbay.id().value(), entries(first).get("EBAY"));
      assertFalse(indexed(broken, Marketplace.EBAY), "not repaired while its table is away");
    } finally {
      sql("alter table " + TenantSqlRenderer.quotedSchema(broken) + ".moved_away rename to marketplace_connections");
    }

    ReindexRun again = reindex.reindex(threeTenants);
    assertEquals(List.of(broken), again.repaired().stream().map(TenantOutcome::tenant).toList());
    assertEquals(List.of(), again.failed());
    assertTrue(indexed(broken, Marketplace.EBAY));
    ReindexRun third = reindex.reindex(threeTenants);
    assertEquals(List.of(), third.repaired(), "idempotent: nothing left to repair");
    assertEquals(new ReindexReport(3, 0, 0), third.totals());
    resealOne(first, ResealScope.PLAINTEXT); // no plaintext left behind for other tests' passes
  }

  @Test
  void the_rebuild_and_concurrent_connects_and_disconnects_leave_the_index_matching_the_connections()
      throws Exception {
    List<TenantId> tenants = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tenants.add(db.newTenant());
    }
    ReindexRequest these = new ReindexRequest(TenantId.of(tenants.get(0).value() - 1), tenants.size(), 500);
    ConcurrentHashMap<TenantId, ConnectionId> live = new ConcurrentHashMap<>();
    Thread churn = new Thread(() -> {
      for (int round = 0; round < 15; round++) {
        for (TenantId t : tenants) {
          ConnectionId current = live.remove(t);
          if (current != null) {
            connections.disconnect(t, current);
          } else {
            live.put(t, repository.add(t, ebay("churn" + round)).id());
          }
        }
      }
    });
    churn.start();
    while (churn.isAlive()) {
      reindex.reindex(these);
    }
    churn.join();
    for (TenantId t : tenants) {
      ConnectionId connected = live.get(t);
      assertEquals(connected == null ? null : connected.value(), entries(t).get("EBAY"), "tenant " + t);
    }
  }

  /** The tenant's index entries, marketplace to connection id. */
  private static TreeMap<String, Long> entries(TenantId tenant) throws SQLException {
    TreeMap<String, Long> result = new TreeMap<>();
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select marketplace, connection_id from crosslist.connected_accounts"
            + " where tenant_id = " + tenant.value())) {
      while (rs.next()) {
        result.put(rs.getString(1), rs.getLong(2));
      }
    }
    return result;
  }
}
