package io.crosslist.domain.imports;

import io.crosslist.domain.DomainException;

/** No product import with this id (or for this job) in the tenant's schema. */
public final class ImportNotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ImportNotFoundException(String what) {
    super(what + " does not exist");
  }
}
