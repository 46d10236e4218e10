package io.crosslist.adapter.http;

import io.crosslist.application.tenant.ChangeTenantStatusUseCase;
import io.crosslist.application.tenant.DropTenantUseCase;
import io.crosslist.application.tenant.FleetOperationsUseCase;
import io.crosslist.application.tenant.GetTenantUseCase;
import io.crosslist.application.tenant.ListTenantsUseCase;
import io.crosslist.application.tenant.ProvisionTenantUseCase;
import java.util.Objects;

/**
 * The tenant in-ports the HTTP API calls: the admin routes (registry and fleet operations), and the status and
 * schema-version check of every request.
 */
public record TenantPorts(ProvisionTenantUseCase provision, ListTenantsUseCase list, GetTenantUseCase get,
    ChangeTenantStatusUseCase changeStatus, DropTenantUseCase drop, FleetOperationsUseCase fleet) {
  public TenantPorts {
    Objects.requireNonNull(drop, "drop");
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(provision, "provision");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(changeStatus, "changeStatus");
  }
}
