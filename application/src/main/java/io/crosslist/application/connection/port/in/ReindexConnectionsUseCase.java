package io.crosslist.application.connection.port.in;

import io.crosslist.domain.Violations;
import io.crosslist.domain.connection.ReindexReport;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * In-port: rebuilds the connected-accounts index ({@link io.crosslist.domain.connection.ConnectedTenantIndex},
 * which token refresh, Etsy polling and the Vinted keep-alive walk) from the tenants' connections, tenant by
 * tenant, each in its own transaction. The index is derived data: run this after connections were written
 * around Crosslist (an import from an older store with SQL), or whenever the index may be out of step.
 *
 * <p>Idempotent: a second run adds and removes nothing. One tenant's failure does not stop the others; the
 * run reports it. Interrupted, run it again, or pass the run's {@code lastTenant} as {@code after}.
 *
 * <pre>{@code
 * ReindexRun run = reindex.reindex(ReindexRequest.all(), outcome -> log.info(outcome.toString()));
 * if (!run.failed().isEmpty()) { ... }
 * }</pre>
 */
public interface ReindexConnectionsUseCase {

  /**
   * Rebuilds the index for the tenants {@code request} names.
   *
   * @param progress told about each tenant as soon as it is done, in tenant order, on the calling thread
   */
  ReindexRun reindex(ReindexRequest request, Progress progress);

  /** As {@link #reindex(ReindexRequest, Progress)}, without progress. */
  default ReindexRun reindex(ReindexRequest request) {
    return reindex(request, outcome -> { });
  }

  /** Hears about each tenant as it is done. */
  @FunctionalInterface
  interface Progress {
    void tenantDone(TenantOutcome outcome);
  }

  /**
   * @param after start after this tenant; null to start at the first
   * @param maxTenants stop after this many tenants (0: all), for runs in slices
   * @param pageSize tenants read from the directory at once, 1 to 10,000
   */
  record ReindexRequest(TenantId after, int maxTenants, int pageSize) {
    public ReindexRequest {
      new Violations()
          .require(maxTenants >= 0, "maxTenants", "must be 0 (all) or more")
          .require(pageSize >= 1 && pageSize <= 10_000, "pageSize", "must be between 1 and 10000")
          .throwIfAny();
    }

    /** Every provisioned tenant, 500 at a time. */
    public static ReindexRequest all() {
      return new ReindexRequest(null, 0, 500);
    }
  }

  /**
   * How one tenant went: its report, or why it failed.
   *
   * @param report what was found and done; null when it failed
   * @param failure why it failed (nothing of it was written); null when it did not
   */
  record TenantOutcome(TenantId tenant, ReindexReport report, String failure) {
    public TenantOutcome {
      Objects.requireNonNull(tenant, "tenant");
      if ((report == null) == (failure == null)) {
        throw new IllegalArgumentException("a tenant outcome has a report or a failure, not both or neither");
      }
    }

    public boolean failed() {
      return failure != null;
    }

    /** Whether the tenant's index entries were out of step and were repaired. */
    public boolean repaired() {
      return report != null && report.changed();
    }
  }

  /**
   * @param tenants tenants done in this run (failed ones included)
   * @param lastTenant the last tenant done; null when none was
   * @param complete whether the run reached the last tenant (false when {@code maxTenants} stopped it)
   * @param totals the counts over the tenants that did not fail
   * @param repaired the tenants whose entries were out of step, each with its report, in tenant order
   * @param failed the tenants that failed, each with why, in tenant order
   */
  record ReindexRun(long tenants, TenantId lastTenant, boolean complete, ReindexReport totals,
      List<TenantOutcome> repaired, List<TenantOutcome> failed) {
    public ReindexRun {
      Objects.requireNonNull(totals, "totals");
      repaired = List.copyOf(repaired);
      failed = List.copyOf(failed);
    }
  }
}
