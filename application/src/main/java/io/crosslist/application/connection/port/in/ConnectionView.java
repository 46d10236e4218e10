package io.crosslist.application.connection.port.in;

import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.ConnectionSummary;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.SecretState;
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
 * @param secretState whether the stored secrets are sealed and readable, still plaintext, unreadable, or none
 * @param secretProblem which secret is wrong and how (field, connection, tenant; never the secret); null when
 *     none is
 * @param secretFix what fixes the secrets (the operator command, and the use case a host calls); null when
 *     nothing needs fixing
 */
public record ConnectionView(ConnectionId id, Marketplace marketplace, String externalAccountId, String displayName,
    ConnectionStatus status, Instant tokenExpiresAt, Set<String> scopes, Instant lastKeepAliveAt, String lastError,
    long version, Instant createdAt, Instant updatedAt, SecretState secretState, String secretProblem,
    String secretFix) {

  /** What an operator does about plaintext secrets: the old back end's "encrypt OAuth tokens" step. */
  public static final String PLAINTEXT_FIX = "run `crosslist reseal --scope PLAINTEXT` (library: ResealSecretsUseCase"
      + " with ResealScope.PLAINTEXT) to encrypt it";
  /** What an operator does about secrets the keyset cannot decrypt; a reseal cannot help. */
  public static final String UNREADABLE_FIX = "deploy a keyset that holds the key it was encrypted with, then run"
      + " `crosslist reseal --scope OLD_KEYS`; if that key is lost, disconnect and connect the account again";

  public static ConnectionView of(MarketplaceConnection c) {
    return of(ConnectionSummary.of(c));
  }

  public static ConnectionView of(ConnectionSummary c) {
    return new ConnectionView(c.id(), c.marketplace(), c.externalAccountId(), c.displayName(), c.status(),
        c.tokenExpiresAt(), c.scopes(), c.lastKeepAliveAt(), c.lastError(), c.version(), c.createdAt(),
        c.updatedAt(), c.secretState(), c.secretProblem(), fixFor(c.secretState()));
  }

  private static String fixFor(SecretState state) {
    return switch (state) {
      case PLAINTEXT -> PLAINTEXT_FIX;
      case UNREADABLE -> UNREADABLE_FIX;
      case SEALED, NONE -> null;
    };
  }
}
