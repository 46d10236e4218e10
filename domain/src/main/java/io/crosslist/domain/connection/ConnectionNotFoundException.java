package io.crosslist.domain.connection;

import io.crosslist.domain.DomainException;

/** No connection with this id in the caller's tenant. */
public final class ConnectionNotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConnectionNotFoundException(ConnectionId id) {
    super("marketplace connection " + id + " does not exist");
  }
}
