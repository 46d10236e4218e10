package io.crosslist.domain.tenant;

import io.crosslist.domain.DomainException;

/** A tenant must be suspended first: dropping an active tenant is refused. */
public final class TenantNotSuspendedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public TenantNotSuspendedException(TenantId tenant) {
    super(tenant + " is active: suspend it first (POST /admin/tenants/" + tenant.value() + "/suspend), so that"
        + " nothing of it runs while it is dropped");
  }
}
