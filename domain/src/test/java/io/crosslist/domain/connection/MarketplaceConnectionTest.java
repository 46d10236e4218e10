package io.crosslist.domain.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketplaceConnectionTest {

  @Test
  void no_secret_ever_shows_in_toString() {
    for (MarketplaceConnection c : new MarketplaceConnection[] {ConnectionFixtures.ebay("x1"),
        ConnectionFixtures.vinted("x2")}) {
      String text = c.toString();
      assertFalse(text.contains("access-x1") || text.contains("refresh-x1") || text.contains("session-x2")
          || text.contains("dd-x2"), text);
      assertTrue(text.contains("Secret[redacted]"), text);
    }
    assertEquals("Secret[redacted]", Secret.of("f", "hunter2").toString());
  }

  @Test
  void revoking_erases_every_secret() {
    MarketplaceConnection revoked = ConnectionFixtures.ebay("r").stored(ConnectionId.of(1))
        .revoke(ConnectionFixtures.NOW.plusSeconds(1));
    assertEquals(ConnectionStatus.REVOKED, revoked.status());
    assertNull(revoked.tokens());
    assertNull(ConnectionFixtures.vinted("r").stored(ConnectionId.of(2)).revoke(ConnectionFixtures.NOW).session());
    assertThrows(IllegalStateException.class, () -> revoked.refreshed(ConnectionFixtures.tokens("n",
        ConnectionFixtures.NOW), ConnectionFixtures.NOW));
  }

  @Test
  void each_marketplace_takes_its_own_kind_of_credentials() {
    ValidationException vintedWithTokens = assertThrows(ValidationException.class,
        () -> MarketplaceConnection.withTokens(Marketplace.VINTED, "a", "b", ConnectionFixtures.tokens("t",
            ConnectionFixtures.NOW), ConnectionFixtures.NOW));
    assertEquals("tokens: must be absent: Vinted connects with a web session", vintedWithTokens.getMessage());
    ValidationException ebayWithoutTokens = assertThrows(ValidationException.class,
        () -> MarketplaceConnection.withTokens(Marketplace.EBAY, "a", "b", null, ConnectionFixtures.NOW));
    assertEquals("tokens: are required for an EBAY connection", ebayWithoutTokens.getMessage());
  }

  @Test
  void bad_input_names_every_field_and_rule() {
    ValidationException e = assertThrows(ValidationException.class, () -> MarketplaceConnection.withTokens(
        Marketplace.ETSY, " ", "x".repeat(201), ConnectionFixtures.tokens("t", ConnectionFixtures.NOW),
        ConnectionFixtures.NOW));
    assertEquals("externalAccountId: must be 1 to 200 characters; displayName: must be 1 to 200 characters",
        e.getMessage());
    assertEquals("accessToken: is required", assertThrows(ValidationException.class,
        () -> Secret.of("accessToken", "  ")).getMessage());
    assertEquals("scopes: each must be 1 to 200 characters", assertThrows(ValidationException.class,
        () -> new OAuthTokens(Secret.of("a", "a"), null, ConnectionFixtures.NOW, Set.of(""))).getMessage());
  }

  @Test
  void tokens_know_when_they_expire_within_a_window() {
    OAuthTokens tokens = ConnectionFixtures.tokens("w", ConnectionFixtures.NOW.plusSeconds(600));
    assertTrue(tokens.expireWithin(Duration.ofMinutes(10), ConnectionFixtures.NOW));
    assertFalse(tokens.expireWithin(Duration.ofMinutes(9), ConnectionFixtures.NOW));
  }

  @Test
  void a_refused_refresh_expires_the_connection_and_a_refresh_brings_it_back() {
    MarketplaceConnection c = ConnectionFixtures.etsy("e").stored(ConnectionId.of(3));
    MarketplaceConnection expired = c.expired("invalid_grant", ConnectionFixtures.NOW);
    assertEquals(ConnectionStatus.EXPIRED, expired.status());
    assertEquals("invalid_grant", expired.lastError());
    MarketplaceConnection back = expired.refreshed(ConnectionFixtures.tokens("new", ConnectionFixtures.NOW
        .plusSeconds(3_600)), ConnectionFixtures.NOW);
    assertEquals(ConnectionStatus.CONNECTED, back.status());
    assertNull(back.lastError());
  }
}
