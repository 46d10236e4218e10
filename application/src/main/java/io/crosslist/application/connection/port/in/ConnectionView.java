package io.crosslist.application.connection.port.in;

import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;
import java.util.Set;

/**
 * A marketplace connection as callers see it: everything but the secrets. Use cases return this, never
 * the {@link MarketplaceConnection} itself, so no secret can reach a response by accident.
 *
 * @param tokenExpiresAt when the OAuth access token expires; null for Vinted and once revoked
 * @param scopes the OAuth scopes; empty for Vinted
 * @param lastKeepAliveAt the last successful Vinted keep-alive; null otherwise
 */
public record ConnectionView(ConnectionId id, Marketplace marketplace, String externalAccountId, String displayName,
    ConnectionStatus status, Instant tokenExpiresAt, Set<String> scopes, Instant lastKeepAliveAt, String lastError,
    long version, Instant createdAt, Instant updatedAt) {

  public static ConnectionView of(MarketplaceConnection c) {
    return new ConnectionView(c.id(), c.marketplace(), c.externalAccountId(), c.displayName(), c.status(),
        c.tokens() == null ? null : c.tokens().expiresAt(), c.tokens() == null ? Set.of() : c.tokens().scopes(),
        c.session() == null ? null : c.session().lastKeepAliveAt(), c.lastError(), c.version(), c.createdAt(),
        c.updatedAt());
  }
}
