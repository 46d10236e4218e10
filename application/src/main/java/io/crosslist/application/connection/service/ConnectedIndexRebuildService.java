package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.ReindexReport;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Rebuilds the connected-accounts index: walks the tenant directory and reindexes each tenant on its own. */
public final class ConnectedIndexRebuildService implements ReindexConnectionsUseCase {
  private static final Logger LOG = System.getLogger(ConnectedIndexRebuildService.class.getName());
  private final TenantDirectory tenants;
  private final MarketplaceConnectionRepository connections;

  public ConnectedIndexRebuildService(TenantDirectory tenants, MarketplaceConnectionRepository connections) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  @Override
  public ReindexRun reindex(ReindexRequest request, Progress progress) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(progress, "progress");
    ReindexReport[] totals = {new ReindexReport(0, 0, 0)};
    List<TenantOutcome> repaired = new ArrayList<>();
    List<TenantOutcome> failed = new ArrayList<>();
    // every provisioned tenant: connections of a suspended tenant are indexed when made, so they are here too
    TenantWalk.End end = TenantWalk.walk(tenants, request.after(), request.pageSize(), request.maxTenants(),
        tenant -> {
          TenantOutcome outcome = reindexOne(tenant);
          if (outcome.failed()) {
            failed.add(outcome);
          } else {
            totals[0] = totals[0].plus(outcome.report());
            if (outcome.repaired()) {
              repaired.add(outcome);
            }
          }
          progress.tenantDone(outcome);
        },
        (done, last) -> LOG.log(Level.INFO, "connections reindex: {0} tenants so far, up to {1}; {2} repaired, {3}"
            + " failed", done, last, repaired.size(), failed.size()));
    return finish(end, totals[0], repaired, failed);
  }

  private TenantOutcome reindexOne(TenantId tenant) {
    try {
      return new TenantOutcome(tenant, connections.reindex(tenant), null);
    } catch (RuntimeException e) { // one tenant's failure (a broken schema, a lost connection) stops only it
      LOG.log(Level.WARNING, "connections reindex of " + tenant + " failed; the others go on", e);
      String message = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
      return new TenantOutcome(tenant, null, e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }
  }

  private static ReindexRun finish(TenantWalk.End end, ReindexReport totals, List<TenantOutcome> repaired,
      List<TenantOutcome> failed) {
    LOG.log(failed.isEmpty() ? Level.INFO : Level.WARNING, "connections reindex {0}: {1} tenants (last {2}); {3}"
            + " connected; entries: {4} added, {5} removed; tenants: {6} repaired, {7} failed",
        end.complete() ? "complete" : "stopped after maxTenants", end.done(), end.last(), totals.connected(),
        totals.added(), totals.removed(), repaired.size(), failed.size());
    return new ReindexRun(end.done(), end.last(), end.complete(), totals, repaired, failed);
  }
}
