package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.tenant.TenantAdministrationService;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.TenantSuspension;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Suspending and reactivating tenants in the shared registry, and what the job engine makes of it. */
class TenantAdministrationTest {
  private static final ClaimRequest GENEROUS = new ClaimRequest(1_000, 1_000, 1_000, Duration.ofMinutes(5),
      Marketplace.BUILT_IN);
  private final Persistence db = Persistence.get();
  private final TenantAdministrationService admin = new TenantAdministrationService(db.directory,
      db.injector.getInstance(TenantSuspension.class));

  private List<JobQueue.Lease> leasesOf(TenantId tenant) {
    List<JobQueue.Lease> mine = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      List<JobQueue.Lease> leased = db.queue.lease("admin-test", GENEROUS);
      if (leased.isEmpty()) {
        break;
      }
      leased.stream().filter(l -> l.tenant().equals(tenant)).forEach(mine::add);
      leased.stream().filter(l -> !l.tenant().equals(tenant)).forEach(l -> db.queue.giveBack("admin-test", l));
      if (!mine.isEmpty()) {
        break;
      }
    }
    return mine;
  }

  @Test
  void a_suspended_tenants_waiting_jobs_are_not_leased_until_it_is_reactivated() {
    TenantId tenant = db.newTenant();
    MarketplaceJob job = db.jobs.enqueue(tenant, MarketplaceJob.pending(JobRequest.of(Marketplace.EBAY,
        JobAction.SYNC_ORDERS, null), Instant.now()));

    Tenant suspended = admin.changeStatus(tenant, TenantStatus.SUSPENDED);
    assertEquals(TenantStatus.SUSPENDED, suspended.status());
    assertTrue(leasesOf(tenant).isEmpty(), "a suspended tenant's job is passed over");

    admin.changeStatus(tenant, TenantStatus.ACTIVE);
    assertEquals(List.of(job.id()), leasesOf(tenant).stream().map(JobQueue.Lease::job).toList());
  }

  @Test
  void a_suspended_tenant_is_listed_with_its_status_and_leaves_the_sweeps_active_list() {
    TenantId tenant = db.newTenant();
    Tenant before = admin.find(tenant).orElseThrow();
    Tenant suspended = admin.changeStatus(tenant, TenantStatus.SUSPENDED);
    assertTrue(suspended.updatedAt().isAfter(before.updatedAt()) || suspended.updatedAt().equals(before.updatedAt()));
    assertEquals(suspended, admin.changeStatus(tenant, TenantStatus.SUSPENDED), "suspending again changes nothing");

    Page<Tenant> page = admin.list(PageCursor.after(tenant.value() - 1), 1);
    assertEquals(List.of(suspended), page.items());
    page.nextCursor().ifPresent(next -> assertEquals(tenant.value(), next.lastId(), "the next page starts after it"));
    assertFalse(db.directory.activeTenants(Optional.of(TenantId.of(tenant.value() - 1)), 1).contains(tenant));

    assertEquals(TenantStatus.ACTIVE, admin.changeStatus(tenant, TenantStatus.ACTIVE).status());
    assertEquals(List.of(tenant), db.directory.activeTenants(Optional.of(TenantId.of(tenant.value() - 1)), 1));
  }

  @Test
  void pages_end_with_no_cursor_and_bad_limits_or_unknown_tenants_are_refused() {
    TenantId last = db.newTenant();
    Page<Tenant> tail = admin.list(PageCursor.after(last.value() - 1), 1_000);
    assertEquals(last, tail.items().get(0).id());
    assertTrue(tail.items().size() < 1_000);
    assertTrue(tail.nextCursor().isEmpty(), "the last page has no next cursor");
    assertEquals("limit", assertThrows(ValidationException.class, () -> admin.list(null, 0)).violations().get(0)
        .field());
    assertThrows(UnknownTenantException.class, () -> admin.changeStatus(Persistence.unusedTenant(),
        TenantStatus.SUSPENDED));
  }
}
