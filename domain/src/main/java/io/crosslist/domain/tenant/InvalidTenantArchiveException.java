package io.crosslist.domain.tenant;

import io.crosslist.domain.DomainException;

/**
 * A file that this build cannot restore as a tenant: not a tenant archive, written by a newer build (a format or a
 * migration version this build does not have), holding a migration track this build does not register, or tables
 * that differ from what this build's scripts create at the archive's versions. Refused before anything is written.
 */
public final class InvalidTenantArchiveException extends DomainException {
  private static final long serialVersionUID = 1L;

  public InvalidTenantArchiveException(String message) {
    super(message);
  }
}
