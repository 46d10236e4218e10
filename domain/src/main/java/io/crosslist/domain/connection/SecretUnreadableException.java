package io.crosslist.domain.connection;

import io.crosslist.domain.DomainException;

/**
 * A stored secret that cannot be decrypted: it was encrypted for another row, field or tenant (copied
 * there), or with a key that is no longer in the keyset. Nothing is returned in its place.
 */
public final class SecretUnreadableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public SecretUnreadableException(String message) {
    super(message);
  }
}
