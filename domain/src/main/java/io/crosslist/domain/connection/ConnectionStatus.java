package io.crosslist.domain.connection;

/** Where a marketplace connection stands. */
public enum ConnectionStatus {
  /** Usable: its tokens or session work. */
  CONNECTED,
  /** Its tokens or session stopped working (a refused refresh, failed keep-alives); the user must reconnect. */
  EXPIRED,
  /** Disconnected by the user: its secrets are erased. Final. */
  REVOKED,
  /** The marketplace reported a problem with the account. */
  ERROR
}
