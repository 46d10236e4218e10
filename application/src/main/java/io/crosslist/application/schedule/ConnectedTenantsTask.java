package io.crosslist.application.schedule;

import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A recurring task over the tenants connected to a marketplace, found through the connected-accounts index (pages
 * in id order, never a scan of every tenant): token refresh, session keep-alive, order polling, conversations sync.
 */
abstract class ConnectedTenantsTask extends TenantSweepTask {
  private final ConnectedTenantIndex connected;

  ConnectedTenantsTask(String name, Duration defaultInterval, ConnectedTenantIndex connected, int parallelism) {
    super(name, defaultInterval, parallelism);
    this.connected = Objects.requireNonNull(connected, "connected");
  }

  /** Runs {@code work} once for every tenant connected to any of {@code marketplaces}, in id order. */
  protected final RunSummary sweepConnected(TenantScope scope, Collection<Marketplace> marketplaces,
      TenantSweep.TenantWork work) {
    List<Marketplace> sources = List.copyOf(marketplaces);
    return sweep(scope, (after, limit) -> connectedTo(sources, after, limit), work);
  }

  /** A page of the tenants connected to any of {@code marketplaces}: the indexes' pages merged, in id order. */
  private List<TenantId> connectedTo(List<Marketplace> marketplaces, TenantId after, int limit) {
    TreeSet<TenantId> merged = new TreeSet<>();
    for (Marketplace marketplace : marketplaces) {
      merged.addAll(connected.tenantsConnectedTo(marketplace, after, limit));
    }
    // each source is in id order, so the first limit of the union are complete
    return new ArrayList<>(merged).subList(0, Math.min(limit, merged.size()));
  }
}
