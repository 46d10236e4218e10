package io.crosslist.domain.connection;

import java.time.Instant;
import java.util.Objects;

/**
 * A Vinted web session: the browser cookies (the session's and the DataDome anti-bot cookie) that
 * marketplace calls send, and when a keep-alive last succeeded.
 *
 * @param cookies the {@code Cookie} header, e.g. {@code _vinted_fr_session=...; datadome=...}
 * @param lastKeepAliveAt the last successful keep-alive; null before the first
 */
public record WebSession(Secret cookies, Instant lastKeepAliveAt) {
  public WebSession {
    Objects.requireNonNull(cookies, "cookies");
  }

  public WebSession keptAliveAt(Instant at) {
    return new WebSession(cookies, Objects.requireNonNull(at, "at"));
  }
}
