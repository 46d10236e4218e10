package io.crosslist.domain.connection;

import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored connection without its secrets, and the {@link SecretState state} of those secrets. Reading
 * one never fails because a secret is plaintext or unreadable: that is what {@code secretState} says.
 *
 * @param secretProblem what is wrong with the secrets, naming the field, the connection and the tenant
 *     but never the secret; null when {@code secretState} is {@link SecretState#SEALED} or {@link
 *     SecretState#NONE}
 * @param tokenExpiresAt when the OAuth access token expires (as stored, readable or not); null for Vinted
 * @param scopes the OAuth scopes; empty for Vinted
 * @param lastKeepAliveAt the last successful Vinted keep-alive; null otherwise
 */
public record ConnectionSummary(ConnectionId id, Marketplace marketplace, String externalAccountId,
    String displayName, ConnectionStatus status, SecretState secretState, String secretProblem,
    Instant tokenExpiresAt, Set<String> scopes, Instant lastKeepAliveAt, String lastError, long version,
    Instant createdAt, Instant updatedAt) {
  public ConnectionSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(secretState, "secretState");
    boolean sound = secretState == SecretState.SEALED || secretState == SecretState.NONE;
    if (sound != (secretProblem == null)) {
      throw new IllegalArgumentException("secretProblem must be given exactly when the secrets are "
          + "PLAINTEXT or UNREADABLE, not " + secretState);
    }
    scopes = Set.copyOf(scopes);
  }

  /** The summary of a connection whose secrets were read (or that has none). */
  public static ConnectionSummary of(MarketplaceConnection c) {
    Objects.requireNonNull(c.id(), "only a stored connection has a summary");
    boolean holdsSecrets = c.tokens() != null || c.session() != null;
    return new ConnectionSummary(c.id(), c.marketplace(), c.externalAccountId(), c.displayName(), c.status(),
        holdsSecrets ? SecretState.SEALED : SecretState.NONE, null,
        c.tokens() == null ? null : c.tokens().expiresAt(), c.tokens() == null ? Set.of() : c.tokens().scopes(),
        c.session() == null ? null : c.session().lastKeepAliveAt(), c.lastError(), c.version(), c.createdAt(),
        c.updatedAt());
  }
}
