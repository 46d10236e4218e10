package io.crosslist.domain.tenant;

import io.crosslist.domain.DomainException;

/** A tenant cannot be created from an archive under an id that is already in use in this database. */
public final class TenantAlreadyExistsException extends DomainException {
  private static final long serialVersionUID = 1L;

  public TenantAlreadyExistsException(TenantId tenant, String what) {
    super(tenant + " already exists (" + what + "): an archive is restored into a new tenant only; choose another"
        + " id, or suspend and drop this one first (crosslist tenants drop " + tenant.value() + ")");
  }
}
