package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.ResealSecretsUseCase;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Key rotation and legacy-plaintext encryption: walks the tenant directory and reseals each tenant's secrets. */
public final class SecretResealService implements ResealSecretsUseCase {
  private static final Logger LOG = System.getLogger(SecretResealService.class.getName());
  private final TenantDirectory tenants;
  private final MarketplaceConnectionRepository connections;

  public SecretResealService(TenantDirectory tenants, MarketplaceConnectionRepository connections) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  @Override
  public ResealRun reseal(ResealRequest request) {
    Objects.requireNonNull(request, "request");
    ResealReport total = ResealReport.EMPTY;
    long done = 0;
    TenantId last = request.after();
    while (true) {
      // every provisioned tenant: a suspended tenant's secrets left on an old key would be lost with that key
      List<TenantId> page = tenants.tenants(Optional.ofNullable(last), request.pageSize()).stream().map(Tenant::id)
          .toList();
      for (TenantId tenant : page) {
        if (request.maxTenants() > 0 && done == request.maxTenants()) {
          return finish(request, done, last, false, total);
        }
        total = total.plus(connections.reseal(tenant, request.scope()));
        last = tenant;
        done++;
      }
      if (page.size() < request.pageSize()) {
        return finish(request, done, last, true, total);
      }
      LOG.log(Level.INFO, "reseal {0}: {1} tenants so far, up to {2}; {3} secrets rewritten, {4} failed",
          request.scope(), done, last, total.resealed(), total.failed());
    }
  }

  private static ResealRun finish(ResealRequest request, long done, TenantId last, boolean complete,
      ResealReport total) {
    ResealRun run = new ResealRun(done, last, complete, total);
    LOG.log(total.failed() > 0 || total.plaintext() > 0 ? Level.WARNING : Level.INFO, "reseal {0} {1}: {2} tenants"
            + " (last {3}); secrets: {4} scanned, {5} rewritten, {6} already current, {7} plaintext, {8} on an old"
            + " key, {9} failed{10}", request.scope(), complete ? "complete" : "stopped after maxTenants", done, last,
        total.scanned(), total.resealed(), total.alreadyCurrent(), total.plaintext(), total.onOldKey(), total.failed(),
        total.failures().isEmpty() ? "" : ": " + total.failures());
    return run;
  }
}
