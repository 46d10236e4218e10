package io.crosslist.domain.connection;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.Violations;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's account on one marketplace and the credentials Crosslist uses for it: OAuth tokens for
 * eBay and Etsy, a web session for Vinted. Immutable; every change returns a new version. Its {@code
 * toString} never shows a secret.
 *
 * <p>A tenant holds at most one connection per marketplace that is not {@link ConnectionStatus#REVOKED
 * revoked}. Revoking erases the secrets: a revoked connection holds none.
 */
public final class MarketplaceConnection {
  private final ConnectionId id;
  private final Marketplace marketplace;
  private final String externalAccountId;
  private final String displayName;
  private final ConnectionStatus status;
  private final OAuthTokens tokens;
  private final WebSession session;
  private final String lastError;
  private final long version;
  private final Instant createdAt;
  private final Instant updatedAt;

  private MarketplaceConnection(ConnectionId id, Marketplace marketplace, String externalAccountId, String displayName,
      ConnectionStatus status, OAuthTokens tokens, WebSession session, String lastError, long version,
      Instant createdAt, Instant updatedAt) {
    Violations v = new Violations();
    v.require(marketplace != null, "marketplace", "is required");
    v.require(externalAccountId != null && !externalAccountId.isBlank() && externalAccountId.length() <= 200,
        "externalAccountId", "must be 1 to 200 characters");
    v.require(displayName != null && !displayName.isBlank() && displayName.length() <= 200, "displayName",
        "must be 1 to 200 characters");
    v.require(lastError == null || lastError.length() <= 2_000, "lastError", "must be at most 2000 characters");
    if (status != ConnectionStatus.REVOKED && marketplace != null) {
      boolean usesSession = Marketplace.VINTED.equals(marketplace);
      v.require(!usesSession || session != null, "session", "is required for a Vinted connection");
      v.require(!usesSession || tokens == null, "tokens", "must be absent: Vinted connects with a web session");
      v.require(usesSession || tokens != null, "tokens", "are required for an " + marketplace + " connection");
      v.require(usesSession || session == null, "session", "must be absent: " + marketplace + " connects with OAuth");
    }
    v.throwIfAny();
    if (status == ConnectionStatus.REVOKED && (tokens != null || session != null)) {
      throw new IllegalStateException("a revoked connection holds no secrets");
    }
    this.id = id;
    this.marketplace = marketplace;
    this.externalAccountId = externalAccountId;
    this.displayName = displayName;
    this.status = Objects.requireNonNull(status, "status");
    this.tokens = tokens;
    this.session = session;
    this.lastError = lastError;
    this.version = version;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new eBay or Etsy connection, not stored yet. */
  public static MarketplaceConnection withTokens(Marketplace marketplace, String externalAccountId, String displayName,
      OAuthTokens tokens, Instant now) {
    if (Marketplace.VINTED.equals(marketplace)) {
      throw ValidationException.of("tokens", "must be absent: Vinted connects with a web session");
    }
    return new MarketplaceConnection(null, marketplace, externalAccountId, displayName, ConnectionStatus.CONNECTED,
        tokens, null, null, 0, now, now);
  }

  /** A new Vinted connection, not stored yet. */
  public static MarketplaceConnection withSession(String externalAccountId, String displayName, WebSession session,
      Instant now) {
    return new MarketplaceConnection(null, Marketplace.VINTED, externalAccountId, displayName,
        ConnectionStatus.CONNECTED, null, session, null, 0, now, now);
  }

  /** A connection as stored. */
  public static MarketplaceConnection reconstitute(ConnectionId id, Marketplace marketplace, String externalAccountId,
      String displayName, ConnectionStatus status, OAuthTokens tokens, WebSession session, String lastError,
      long version, Instant createdAt, Instant updatedAt) {
    return new MarketplaceConnection(Objects.requireNonNull(id, "id"), marketplace, externalAccountId, displayName,
        status, tokens, session, lastError, version, createdAt, updatedAt);
  }

  /** This new connection with the id storage gave it. */
  public MarketplaceConnection stored(ConnectionId newId) {
    if (id != null) {
      throw new IllegalStateException("connection " + id + " is stored already");
    }
    return new MarketplaceConnection(Objects.requireNonNull(newId, "newId"), marketplace, externalAccountId,
        displayName, status, tokens, session, lastError, version, createdAt, updatedAt);
  }

  /** Disconnected by the user: REVOKED, with every secret erased. Revoking twice changes nothing more. */
  public MarketplaceConnection revoke(Instant now) {
    return new MarketplaceConnection(id, marketplace, externalAccountId, displayName, ConnectionStatus.REVOKED, null,
        null, lastError, version, createdAt, now);
  }

  /** New tokens after a successful refresh: CONNECTED again, the last error cleared. */
  public MarketplaceConnection refreshed(OAuthTokens newTokens, Instant now) {
    requireNotRevoked("refresh");
    return new MarketplaceConnection(id, marketplace, externalAccountId, displayName, ConnectionStatus.CONNECTED,
        Objects.requireNonNull(newTokens, "newTokens"), null, null, version, createdAt, now);
  }

  /** The marketplace refused the credentials: EXPIRED with the reason; the user must reconnect. */
  public MarketplaceConnection expired(String error, Instant now) {
    requireNotRevoked("expire");
    return new MarketplaceConnection(id, marketplace, externalAccountId, displayName, ConnectionStatus.EXPIRED, tokens,
        session, error, version, createdAt, now);
  }

  /** A Vinted keep-alive succeeded at {@code now}. */
  public MarketplaceConnection keptAlive(Instant now) {
    requireNotRevoked("keep alive");
    if (session == null) {
      throw new IllegalStateException("only a web session is kept alive; connection " + id + " uses OAuth");
    }
    return new MarketplaceConnection(id, marketplace, externalAccountId, displayName, status, null,
        session.keptAliveAt(now), lastError, version, createdAt, now);
  }

  /** A Vinted keep-alive failed: one more consecutive failure, and the reason as the last error. */
  public MarketplaceConnection keepAliveFailed(String error, Instant now) {
    requireNotRevoked("keep alive");
    if (session == null) {
      throw new IllegalStateException("only a web session is kept alive; connection " + id + " uses OAuth");
    }
    return new MarketplaceConnection(id, marketplace, externalAccountId, displayName, status, null,
        session.keepAliveFailed(), Objects.requireNonNull(error, "error"), version, createdAt, now);
  }

  private void requireNotRevoked(String action) {
    if (status == ConnectionStatus.REVOKED) {
      throw new IllegalStateException("cannot " + action + " connection " + id + ": it is revoked");
    }
  }

  public ConnectionId id() {
    return id;
  }

  public Marketplace marketplace() {
    return marketplace;
  }

  public String externalAccountId() {
    return externalAccountId;
  }

  public String displayName() {
    return displayName;
  }

  public ConnectionStatus status() {
    return status;
  }

  /** The OAuth tokens; null for Vinted and once revoked. */
  public OAuthTokens tokens() {
    return tokens;
  }

  /** The web session; null for eBay and Etsy and once revoked. */
  public WebSession session() {
    return session;
  }

  public String lastError() {
    return lastError;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    // no secret here: OAuthTokens and WebSession print their secrets as Secret[redacted]
    return "MarketplaceConnection[id=" + id + ", marketplace=" + marketplace + ", account=" + externalAccountId
        + ", status=" + status + ", tokens=" + tokens + ", session=" + session + ", version=" + version + "]";
  }
}
