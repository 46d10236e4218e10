package io.crosslist.domain.tenant;

import io.crosslist.domain.DomainException;

/** The tenant has not been provisioned (no schema), so it holds no data to read or write. */
public final class UnknownTenantException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient TenantId tenant;

  public UnknownTenantException(TenantId tenant) {
    super(tenant + " is not provisioned");
    this.tenant = tenant;
  }

  public TenantId tenant() {
    return tenant;
  }
}
