package io.crosslist.domain.tenant;

import io.crosslist.domain.DomainException;

/** A tenant id that is not a positive integer; names the rule and the offending value. */
public final class InvalidTenantIdException extends DomainException {
  private static final long serialVersionUID = 1L;

  public InvalidTenantIdException(String message) {
    super(message);
  }
}
