package io.crosslist.domain.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant as the shared registry knows it.
 *
 * @param id the tenant
 * @param status whether it is active
 * @param schemaVersion the newest tenant migration applied to its schema
 * @param createdAt when it was first provisioned
 * @param updatedAt when its registry entry last changed
 */
public record Tenant(TenantId id, TenantStatus status, int schemaVersion, Instant createdAt, Instant updatedAt) {
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
