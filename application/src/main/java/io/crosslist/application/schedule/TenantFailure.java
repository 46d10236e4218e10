package io.crosslist.application.schedule;

import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;

/**
 * One tenant whose work failed in a sweep, and why (the failure's message: no stack trace).
 *
 * @param tenant the tenant
 * @param cause what went wrong, as its exception said
 */
public record TenantFailure(TenantId tenant, String cause) {
  public TenantFailure {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(cause, "cause");
  }

  @Override
  public String toString() {
    return tenant.value() + ": " + cause;
  }
}
