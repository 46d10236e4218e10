package io.crosslist.adapter.http;

import io.crosslist.application.tenant.FleetOperationsUseCase;
import io.crosslist.application.tenant.GetTenantUseCase;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lets a verified caller's tenant through only while it is provisioned, active and at this build's schema
 * versions: a suspended tenant gets 403, an unprovisioned one too, and a tenant whose schema is behind gets 503
 * {@code tenant-migrating} with {@code Retry-After} while it is migrated first, on demand. The registry answer is remembered for {@code ttlNanos}, so the
 * check costs a database read per tenant and period instead of per request; a change made through this
 * API takes effect at once, one made elsewhere (another process) within the period.
 */
final class TenantGate {
  private static final int MAX_ENTRIES = 100_000;
  private final GetTenantUseCase registry;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<TenantId, Seen> seen = new ConcurrentHashMap<>();

  /** What the gate knows of a tenant until {@code until}; {@code current}: its schema is at this build's versions. */
  private record Seen(TenantStatus status, boolean current, long until) {}

  /** Seconds a client waits before retrying while its tenant's schema is migrated. */
  static final int MIGRATING_RETRY_SECONDS = 2;
  private final FleetOperationsUseCase fleet;

  TenantGate(GetTenantUseCase registry, FleetOperationsUseCase fleet, long ttlNanos, LongSupplier nanoTime) {
    this.registry = registry;
    this.fleet = fleet;
    this.ttlNanos = ttlNanos;
    this.nanoTime = nanoTime;
  }

  /** Returns when the tenant may use the API; throws a 403 problem otherwise. */
  void admit(TenantId tenant) {
    long now = nanoTime.getAsLong();
    Seen entry = seen.get(tenant);
    if (entry == null || now - entry.until() > 0) {
      Tenant found = registry.find(tenant).orElseThrow(() -> new HttpProblem(403, "tenant-not-provisioned",
          "Tenant not provisioned", "the token's tenant has not been provisioned; an administrator provisions it"
          + " with POST /admin/tenants"));
      if (seen.size() >= MAX_ENTRIES) {
        seen.clear();
      }
      entry = new Seen(found.status(), false, now + ttlNanos);
      seen.put(tenant, entry);
    }
    if (entry.status() != TenantStatus.ACTIVE) {
      throw new HttpProblem(403, "tenant-suspended", "Tenant suspended",
          "the token's tenant is suspended; an administrator can reactivate it");
    }
    if (!entry.current()) { // asked until it is current: a tenant behind is migrated first, on demand
      if (!fleet.currentOrMigrating(tenant)) {
        throw HttpProblem.retryAfter(MIGRATING_RETRY_SECONDS, "tenant-migrating", "Tenant migrating",
            "this tenant's data is being migrated to a new version; retry in a few seconds");
      }
      seen.put(tenant, new Seen(entry.status(), true, entry.until()));
    }
  }

  /** Remembers a status this process just wrote, so the next request sees it. */
  void changed(Tenant tenant) {
    Seen known = seen.get(tenant.id());
    seen.put(tenant.id(), new Seen(tenant.status(), known != null && known.current(), nanoTime.getAsLong() + ttlNanos));
  }
}
