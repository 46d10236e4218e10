package io.crosslist.domain.connection;

import io.crosslist.domain.DomainException;
import io.crosslist.domain.marketplace.Marketplace;

/** A tenant may hold one connection per marketplace that is not revoked; this one would be the second. */
public final class ConnectionAlreadyExistsException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConnectionAlreadyExistsException(Marketplace marketplace) {
    super("a " + marketplace + " account is already connected; disconnect it before connecting another");
  }
}
