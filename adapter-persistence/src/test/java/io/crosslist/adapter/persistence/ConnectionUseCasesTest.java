package io.crosslist.adapter.persistence;

import static io.crosslist.domain.connection.ConnectionFixtures.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase.ConnectCommand;
import io.crosslist.application.connection.port.in.ConnectionView;
import io.crosslist.application.connection.service.MarketplaceConnectionService;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionNotFoundException;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretState;
import io.crosslist.domain.connection.SecretUnreadableException;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection use cases over the real adapter: views never carry secrets; disconnecting erases them. */
class ConnectionUseCasesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final Persistence db = Persistence.get();
  private final MarketplaceConnectionRepository repository =
      db.injector.getInstance(MarketplaceConnectionRepository.class);
  private final ConnectedTenantIndex index = db.injector.getInstance(ConnectedTenantIndex.class);
  private final MarketplaceConnectionService service = new MarketplaceConnectionService(repository,
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void connecting_lists_the_account_without_its_secrets_and_indexes_the_tenant() {
    TenantId tenant = db.newTenant();
    ConnectionView ebay = service.connect(new ConnectCommand(tenant, Marketplace.EBAY, "seller-1", "My eBay",
        tokens("uc", NOW.plusSeconds(7_200)), null));
    ConnectionView vinted = service.connect(new ConnectCommand(tenant, Marketplace.VINTED, "member-1", "My Vinted",
        null, Secret.of("sessionCookies", "_vinted_fr_session=uc-session")));
    assertEquals(List.of(ebay, vinted), service.list(tenant));
    assertEquals(ConnectionStatus.CONNECTED, service.get(tenant, ebay.id()).status());
    String shown = service.list(tenant).toString();
    assertFalse(shown.contains("access-uc") || shown.contains("refresh-uc") || shown.contains("uc-session"), shown);
    assertEquals(NOW.plusSeconds(7_200), ebay.tokenExpiresAt());
    List<TenantId> connected = index.tenantsConnectedTo(Marketplace.VINTED, TenantId.of(tenant.value() - 1), 1);
    assertEquals(List.of(tenant), connected);
  }

  @Test
  void disconnecting_erases_the_secrets_takes_the_tenant_out_of_the_index_and_can_be_repeated() {
    TenantId tenant = db.newTenant();
    ConnectionView etsy = service.connect(new ConnectCommand(tenant, Marketplace.ETSY, "shop-1", "Shop",
        tokens("dc", NOW.plusSeconds(60)), null));
    ConnectionView revoked = service.disconnect(tenant, etsy.id());
    assertEquals(ConnectionStatus.REVOKED, revoked.status());
    assertNull(repository.findById(tenant, etsy.id()).orElseThrow().tokens());
    assertFalse(index.tenantsConnectedTo(Marketplace.ETSY, TenantId.of(tenant.value() - 1), 1).contains(tenant));
    assertEquals(revoked, service.disconnect(tenant, etsy.id()), "a second disconnect changes nothing");
  }

  @Test
  void a_connection_whose_secrets_no_longer_decrypt_can_still_be_disconnected() throws SQLException {
    TenantId tenant = db.newTenant();
    ConnectionView ebay = service.connect(new ConnectCommand(tenant, Marketplace.EBAY, "seller-x", "eBay",
        tokens("bad", NOW.plusSeconds(60)), null));
    try (Connection c = TestDatabase.get().connect(); Statement s = c.createStatement()) {
      s.executeUpdate("update " + TenantSqlRenderer.quotedSchema(tenant) + ".marketplace_connections"
          + " set access_token = refresh_token");
    }
    assertThrows(SecretUnreadableException.class, () -> repository.findById(tenant, ebay.id()));
    assertEquals(SecretState.UNREADABLE, service.get(tenant, ebay.id()).secretState(), "listed, not thrown");
    assertEquals(ConnectionStatus.REVOKED, service.disconnect(tenant, ebay.id()).status());
    assertEquals(SecretState.NONE, service.get(tenant, ebay.id()).secretState());
  }

  @Test
  void bad_input_and_unknown_ids_get_clear_errors() {
    TenantId tenant = db.newTenant();
    ValidationException e = assertThrows(ValidationException.class, () -> service.connect(new ConnectCommand(tenant,
        Marketplace.VINTED, "member", "Vinted", null, null)));
    assertEquals("session: is required for a Vinted connection", e.getMessage());
    assertEquals("marketplace connection 999 does not exist", assertThrows(ConnectionNotFoundException.class,
        () -> service.disconnect(tenant, ConnectionId.of(999))).getMessage());
    assertEquals(List.of(), service.list(tenant), "nothing was written");
  }
}
