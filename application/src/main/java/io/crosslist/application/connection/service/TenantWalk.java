package io.crosslist.application.connection.service;

import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A resumable walk over every provisioned tenant of the directory (suspended ones included), page by page in id
 * order, after a given tenant and up to a number of tenants: the foreground fleet runs (reseal, reindex) that an
 * operator stops and resumes from the last tenant they report.
 */
final class TenantWalk {
  /** Called after each full page when more may follow, with the tenants visited so far and the last one. */
  @FunctionalInterface
  interface PageDone {
    void after(long done, TenantId last);
  }

  /**
   * Where a walk ended.
   *
   * @param done the tenants visited
   * @param last the last tenant visited (where to resume), or the walk's start when none was
   * @param complete every tenant after the start was visited; false when it stopped at the maximum
   */
  record End(long done, TenantId last, boolean complete) {}

  private TenantWalk() {}

  /**
   * Visits the tenants after {@code after} (null: from the first), {@code pageSize} at a time, stopping before the
   * tenant that would exceed {@code maxTenants} (0: no maximum).
   */
  static End walk(TenantDirectory tenants, TenantId after, int pageSize, long maxTenants, Consumer<TenantId> visit,
      PageDone pageDone) {
    long done = 0;
    TenantId last = after;
    while (true) {
      List<TenantId> page = tenants.tenants(Optional.ofNullable(last), pageSize).stream().map(Tenant::id).toList();
      for (TenantId tenant : page) {
        if (maxTenants > 0 && done == maxTenants) {
          return new End(done, last, false);
        }
        visit.accept(tenant);
        last = tenant;
        done++;
      }
      if (page.size() < pageSize) {
        return new End(done, last, true);
      }
      pageDone.after(done, last);
    }
  }
}
