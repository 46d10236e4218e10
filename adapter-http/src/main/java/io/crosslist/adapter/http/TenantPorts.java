package io.crosslist.adapter.http;

import io.crosslist.application.tenant.ChangeTenantStatusUseCase;
import io.crosslist.application.tenant.GetTenantUseCase;
import io.crosslist.application.tenant.ListTenantsUseCase;
import io.crosslist.application.tenant.ProvisionTenantUseCase;
import java.util.Objects;

/** The tenant-registry in-ports the HTTP API calls: the admin routes, and the status check of every request. */
public record TenantPorts(ProvisionTenantUseCase provision, ListTenantsUseCase list, GetTenantUseCase get,
    ChangeTenantStatusUseCase changeStatus) {
  public TenantPorts {
    Objects.requireNonNull(provision, "provision");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(changeStatus, "changeStatus");
  }
}
