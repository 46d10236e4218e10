package io.crosslist.application.connection.port.in;

import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;

/**
 * In-port: refresh-ahead of OAuth tokens. A connection whose access token expires within the window gets
 * new tokens through the marketplace's {@link io.crosslist.domain.connection.OAuthGateway}. Concurrent
 * refreshes of one connection, in this process or another, collapse into one call: the connection's
 * row is locked while it refreshes, and whoever comes second finds fresh tokens. A refresh the
 * marketplace refuses marks the connection EXPIRED and writes the marketplace error log.
 */
public interface RefreshTokensUseCase {

  /** How one connection's refresh ended. */
  enum Outcome {
    /** New tokens stored. */
    REFRESHED,
    /** Its tokens do not expire within the window (perhaps refreshed by someone else just now). */
    NOT_DUE,
    /** The marketplace refused the refresh token: the connection is EXPIRED now. */
    EXPIRED,
    /** A passing failure (timeout, outage): nothing changed; the next run tries again. */
    FAILED,
    /** Not refreshable: no OAuth tokens or no refresh token, revoked, or not CONNECTED. */
    SKIPPED
  }

  /** @throws io.crosslist.domain.connection.ConnectionNotFoundException when the tenant has no such connection */
  Outcome refresh(TenantId tenant, ConnectionId connection, Duration window);

  /** Refreshes every connection of the tenant that is due; one connection's failure does not stop the others. */
  Summary refreshDue(TenantId tenant, Duration window);

  /** How many connections ended each way. */
  record Summary(int refreshed, int notDue, int expired, int failed, int skipped) {
    public Summary plus(Outcome outcome) {
      return new Summary(refreshed + (outcome == Outcome.REFRESHED ? 1 : 0), notDue + (outcome == Outcome.NOT_DUE
          ? 1 : 0), expired + (outcome == Outcome.EXPIRED ? 1 : 0), failed + (outcome == Outcome.FAILED ? 1 : 0),
          skipped + (outcome == Outcome.SKIPPED ? 1 : 0));
    }
  }
}
