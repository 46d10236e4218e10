package io.crosslist.adapter.persistence.internal.tenant;

import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.time.Instant;

/** A row of {@code crosslist.tenants} as MyBatis reads it. */
public final class TenantRow {
  public long id;
  public String status;
  public int schemaVersion;
  public Instant createdAt;
  public Instant updatedAt;

  Tenant toTenant() {
    return new Tenant(TenantId.of(id), TenantStatus.valueOf(status), schemaVersion, createdAt, updatedAt);
  }
}
