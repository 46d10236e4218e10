package io.crosslist.domain.connection;

import java.time.Instant;
import java.util.Objects;

/**
 * A Vinted web session: the browser cookies (the session's and the DataDome anti-bot cookie) that
 * marketplace calls send, and when a keep-alive last succeeded.
 *
 * @param cookies the {@code Cookie} header, e.g. {@code _vinted_fr_session=...; datadome=...}
 * @param lastKeepAliveAt the last successful keep-alive; null before the first
 * @param failedKeepAlives keep-alives that failed since the last success
 */
public record WebSession(Secret cookies, Instant lastKeepAliveAt, int failedKeepAlives) {
  public WebSession {
    Objects.requireNonNull(cookies, "cookies");
    if (failedKeepAlives < 0) {
      throw new IllegalArgumentException("failedKeepAlives must be 0 or more, got " + failedKeepAlives);
    }
  }

  /** A session with no failed keep-alive. */
  public WebSession(Secret cookies, Instant lastKeepAliveAt) {
    this(cookies, lastKeepAliveAt, 0);
  }

  public WebSession keptAliveAt(Instant at) {
    return new WebSession(cookies, Objects.requireNonNull(at, "at"), 0);
  }

  public WebSession keepAliveFailed() {
    return new WebSession(cookies, lastKeepAliveAt, failedKeepAlives + 1);
  }
}
