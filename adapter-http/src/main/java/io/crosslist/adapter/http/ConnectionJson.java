package io.crosslist.adapter.http;

import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase.ConnectCommand;
import io.crosslist.application.connection.port.in.ConnectionView;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Set;

/** The JSON shapes of marketplace connections. Secrets go in, never out. */
final class ConnectionJson {
  private ConnectionJson() {}

  /** The body of POST /connections: OAuth tokens for eBay and Etsy, the session cookies for Vinted. */
  record ConnectBody(@Required String marketplace, @Required String externalAccountId, @Required String displayName,
      String accessToken,
      String refreshToken, Instant tokenExpiresAt, Set<String> scopes, String sessionCookies) {
    ConnectCommand toCommand(TenantId tenant) {
      Marketplace m = JobJson.marketplace(marketplace);
      OAuthTokens tokens = null;
      if (accessToken != null) {
        if (tokenExpiresAt == null) {
          throw ValidationException.of("tokenExpiresAt", "is required with an accessToken");
        }
        tokens = new OAuthTokens(Secret.of("accessToken", accessToken),
            refreshToken == null ? null : Secret.of("refreshToken", refreshToken), tokenExpiresAt,
            scopes == null ? Set.of() : scopes);
      }
      return new ConnectCommand(tenant, m, externalAccountId, displayName, tokens,
          sessionCookies == null ? null : Secret.of("sessionCookies", sessionCookies));
    }
  }

  /**
   * A connection as the API shows it: status and metadata, no token or cookie. {@code secret} says what the
   * stored credentials are like, so a connection imported in plaintext or unreadable is listed, not a 500.
   */
  record ConnectionBody(long id, String marketplace, String externalAccountId, String displayName, String status,
      Instant tokenExpiresAt, Set<String> scopes, Instant lastKeepAliveAt, String lastError, long version,
      Instant createdAt, Instant updatedAt, SecretBody secret) {
    static ConnectionBody of(ConnectionView c) {
      return new ConnectionBody(c.id().value(), c.marketplace().name(), c.externalAccountId(), c.displayName(),
          c.status().name(), c.tokenExpiresAt(), c.scopes(), c.lastKeepAliveAt(), c.lastError(), c.version(),
          c.createdAt(), c.updatedAt(), new SecretBody(c.secretState().name(), c.secretProblem(), c.secretFix()));
    }
  }

  /**
   * The state of a connection's stored credentials: {@code SEALED}, {@code PLAINTEXT}, {@code UNREADABLE} or
   * {@code NONE}; for the two that need an operator, which field is wrong ({@code problem}) and what fixes it
   * ({@code fix}, the command to run).
   */
  record SecretBody(String state, String problem, String fix) {}
}
