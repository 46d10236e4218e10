package io.crosslist.domain.connection;

/** Identity of a marketplace connection inside its tenant's schema (ids repeat across tenants). */
public record ConnectionId(long value) {
  public ConnectionId {
    if (value <= 0) {
      throw new IllegalArgumentException("connection id must be positive, got " + value);
    }
  }

  public static ConnectionId of(long value) {
    return new ConnectionId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
