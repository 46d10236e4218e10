package io.crosslist.domain.tenant;

/** Lifecycle of a tenant in the registry. */
public enum TenantStatus {
  /** Serves requests and runs jobs. */
  ACTIVE,
  /** Provisioned but paused by an administrator. */
  SUSPENDED
}
