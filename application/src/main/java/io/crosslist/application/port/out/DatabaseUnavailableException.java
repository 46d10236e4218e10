package io.crosslist.application.port.out;

/**
 * Out-port failure: the database cannot serve the call now (unreachable, restarting, shutting down, or
 * no pooled connection free within the pool's timeout). Nothing the caller sent was wrong and the call
 * can be tried again later; adapters answer it as a temporary outage (HTTP 503 with {@code Retry-After}),
 * never as a bug. The persistence adapter raises it, from the driver's SQLState (class {@code 08},
 * {@code 57P01}-{@code 57P03}, {@code 53300}) or its pool's timeout; the message names the SQLState and
 * the driver's words, never SQL text or credentials.
 */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  public DatabaseUnavailableException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The SQLState that says why, or null for a pool timeout with no driver error behind it. */
  public String sqlState() {
    return sqlState;
  }
}
