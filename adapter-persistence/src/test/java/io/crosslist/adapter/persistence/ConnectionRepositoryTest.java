package io.crosslist.adapter.persistence;

import static io.crosslist.domain.connection.ConnectionFixtures.NOW;
import static io.crosslist.domain.connection.ConnectionFixtures.ebay;
import static io.crosslist.domain.connection.ConnectionFixtures.etsy;
import static io.crosslist.domain.connection.ConnectionFixtures.vinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.ConnectionAlreadyExistsException;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.SecretUnreadableException;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Marketplace connections on real PostgreSQL: secrets encrypted at rest, bound to their row, erased on revoke. */
class ConnectionRepositoryTest {
  private final Persistence db = Persistence.get();
  private final MarketplaceConnectionRepository connections =
      db.injector.getInstance(MarketplaceConnectionRepository.class);
  private final ConnectedTenantIndex index = db.injector.getInstance(ConnectedTenantIndex.class);

  @Test
  void a_connection_reads_back_as_it_was_stored_with_its_secrets() {
    TenantId tenant = db.newTenant();
    MarketplaceConnection stored = connections.add(tenant, ebay("rt"));
    MarketplaceConnection read = connections.findById(tenant, stored.id()).orElseThrow();
    assertEquals("access-rt", read.tokens().accessToken().reveal());
    assertEquals("refresh-rt", read.tokens().refreshToken().reveal());
    assertEquals(stored.tokens(), read.tokens());
    assertEquals(1, read.version());
    MarketplaceConnection v = connections.add(tenant, vinted("rt"));
    assertEquals("_vinted_fr_session=session-rt; datadome=dd-rt",
        connections.findById(tenant, v.id()).orElseThrow().session().cookies().reveal());
    assertEquals(List.of(Marketplace.EBAY, Marketplace.VINTED),
        connections.list(tenant).stream().map(MarketplaceConnection::marketplace).toList());
  }

  @Test
  void no_secret_is_stored_in_plaintext_anywhere_in_the_database() throws SQLException {
    TenantId a = db.newTenant();
    TenantId b = db.newTenant();
    connections.add(a, ebay("dump-a"));
    connections.add(a, vinted("dump-a"));
    connections.add(b, etsy("dump-b"));
    String[] secrets = {"access-dump-a", "refresh-dump-a", "session-dump-a", "dd-dump-a", "access-dump-b",
        "refresh-dump-b"};
    // a dump of every table of every schema, bytea columns decoded so that plaintext in them would show
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      List<String> selects = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("select format('select concat_ws(''|'', %s) from %I.%I', string_agg("
          + "case when data_type = 'bytea' then format('encode(%I, ''escape'')', column_name)"
          + " else format('%I::text', column_name) end, ', '), table_schema, table_name)"
          + " from information_schema.columns where table_schema = 'crosslist' or table_schema like 'user\\_%'"
          + " group by table_schema, table_name")) {
        while (rs.next()) {
          selects.add(rs.getString(1));
        }
      }
      assertTrue(selects.stream().anyMatch(q -> q.contains(a.schemaName() + ".marketplace_connections")),
          "the dump covers the connections table");
      int rows = 0;
      for (String select : selects) {
        try (ResultSet rs = s.executeQuery(select)) {
          while (rs.next()) {
            rows++;
            for (String secret : secrets) {
              assertFalse(rs.getString(1).contains(secret), "found " + secret + " in plaintext: " + select);
            }
          }
        }
      }
      assertTrue(rows > 0);
    }
  }

  @Test
  void a_ciphertext_copied_to_another_tenant_fails_to_decrypt_with_a_clear_error() throws SQLException {
    TenantId a = db.newTenant();
    TenantId b = db.newTenant();
    MarketplaceConnection inA = connections.add(a, ebay("swap-a"));
    MarketplaceConnection inB = connections.add(b, ebay("swap-b"));
    assertEquals(inA.id(), inB.id(), "same connection id in both schemas: only the tenant tells them apart");
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement copy = c.prepareStatement("update " + quoted(b) + ".marketplace_connections set access_token"
            + " = (select access_token from " + quoted(a) + ".marketplace_connections where id = ?) where id = ?")) {
      copy.setLong(1, inA.id().value());
      copy.setLong(2, inB.id().value());
      assertEquals(1, copy.executeUpdate());
    }
    SecretUnreadableException e = assertThrows(SecretUnreadableException.class,
        () -> connections.findById(b, inB.id()));
    assertEquals("the access_token of connection " + inB.id() + " of " + b + " cannot be decrypted: it was encrypted"
        + " for another tenant, connection or field, with a key this keyset does not hold, or it was altered",
        e.getMessage());
    assertEquals("access-swap-a", connections.findById(a, inA.id()).orElseThrow().tokens().accessToken().reveal(),
        "the original still reads");
  }

  @Test
  void a_ciphertext_moved_to_another_field_of_the_same_row_fails_to_decrypt() throws SQLException {
    TenantId a = db.newTenant();
    MarketplaceConnection inA = connections.add(a, ebay("field"));
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      s.executeUpdate("update " + quoted(a) + ".marketplace_connections set refresh_token = access_token");
    }
    assertThrows(SecretUnreadableException.class, () -> connections.findById(a, inA.id()));
  }

  @Test
  void revoking_erases_the_secrets_from_the_row_not_only_the_status() throws SQLException {
    TenantId a = db.newTenant();
    MarketplaceConnection stored = connections.add(a, vinted("revoke"));
    MarketplaceConnection revoked = connections.update(a, stored.revoke(NOW.plusSeconds(60)));
    assertEquals(ConnectionStatus.REVOKED, revoked.status());
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select access_token, refresh_token, session_cookies, status from " + quoted(a)
            + ".marketplace_connections where id = " + stored.id().value())) {
      assertTrue(rs.next());
      assertNull(rs.getBytes(1));
      assertNull(rs.getBytes(2));
      assertNull(rs.getBytes(3));
      assertEquals("REVOKED", rs.getString(4));
    }
    assertNull(connections.findById(a, stored.id()).orElseThrow().session());
    // and a new account of that marketplace may now be connected
    connections.add(a, vinted("again"));
  }

  @Test
  void a_second_live_connection_per_marketplace_is_refused_and_nothing_is_written() {
    TenantId a = db.newTenant();
    connections.add(a, ebay("one"));
    ConnectionAlreadyExistsException e = assertThrows(ConnectionAlreadyExistsException.class,
        () -> connections.add(a, ebay("two")));
    assertEquals("a EBAY account is already connected; disconnect it before connecting another", e.getMessage());
    assertEquals(1, connections.list(a).size());
  }

  @Test
  void a_stale_version_is_refused() {
    TenantId a = db.newTenant();
    MarketplaceConnection stored = connections.add(a, etsy("stale"));
    connections.update(a, stored.expired("invalid_grant", NOW));
    assertThrows(ConcurrentUpdateException.class, () -> connections.update(a, stored.revoke(NOW)));
  }

  @Test
  void the_connected_tenant_query_matches_a_brute_force_scan_on_a_random_population() throws SQLException {
    Random random = new Random(20261123);
    List<TenantId> tenants = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      TenantId t = db.newTenant();
      tenants.add(t);
      for (Marketplace m : Marketplace.BUILT_IN) {
        int fate = random.nextInt(4); // none, connected, expired, revoked
        if (fate == 0) {
          continue;
        }
        MarketplaceConnection c = connections.add(t, m.equals(Marketplace.VINTED) ? vinted("p" + i)
            : m.equals(Marketplace.EBAY) ? ebay("p" + i) : etsy("p" + i));
        if (fate == 2) {
          connections.update(t, c.expired("refused", NOW));
        } else if (fate == 3) {
          connections.update(t, c.revoke(NOW));
        }
      }
    }
    for (Marketplace m : Marketplace.BUILT_IN) {
      Set<Long> bruteForce = new TreeSet<>();
      try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
        for (TenantId t : tenants) {
          try (ResultSet rs = s.executeQuery("select 1 from " + quoted(t) + ".marketplace_connections where marketplace"
              + " = '" + m + "' and status = 'CONNECTED'")) {
            if (rs.next()) {
              bruteForce.add(t.value());
            }
          }
        }
      }
      // page through the index in pages of 7; keep only this test's tenants (other tests connect others)
      Set<Long> indexed = new HashSet<>();
      TenantId after = null;
      List<TenantId> page;
      do {
        page = index.tenantsConnectedTo(m, after, 7);
        page.stream().filter(tenants::contains).forEach(t -> indexed.add(t.value()));
        after = page.isEmpty() ? after : page.get(page.size() - 1);
      } while (page.size() == 7);
      assertEquals(bruteForce, new TreeSet<>(indexed), "connected to " + m);
    }
  }

  private static String quoted(TenantId tenant) {
    return TenantSqlRenderer.quotedSchema(tenant);
  }
}
