package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.ResealSecretsUseCase;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.tenant.TenantDirectory;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

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
    ResealReport[] total = {ResealReport.EMPTY};
    // every provisioned tenant: a suspended tenant's secrets left on an old key would be lost with that key
    TenantWalk.End end = TenantWalk.walk(tenants, request.after(), request.pageSize(), request.maxTenants(),
        tenant -> total[0] = total[0].plus(connections.reseal(tenant, request.scope())),
        (done, last) -> LOG.log(Level.INFO, "reseal {0}: {1} tenants so far, up to {2}; {3} secrets rewritten, {4}"
            + " failed", request.scope(), done, last, total[0].resealed(), total[0].failed()));
    return finish(request, end, total[0]);
  }

  private static ResealRun finish(ResealRequest request, TenantWalk.End end, ResealReport total) {
    ResealRun run = new ResealRun(end.done(), end.last(), end.complete(), total);
    LOG.log(total.failed() > 0 || total.plaintext() > 0 ? Level.WARNING : Level.INFO, "reseal {0} {1}: {2} tenants"
            + " (last {3}); secrets: {4} scanned, {5} rewritten, {6} already current, {7} plaintext, {8} on an old"
            + " key, {9} failed{10}", request.scope(), end.complete() ? "complete" : "stopped after maxTenants",
        end.done(), end.last(), total.scanned(), total.resealed(), total.alreadyCurrent(), total.plaintext(),
        total.onOldKey(), total.failed(), total.failures().isEmpty() ? "" : ": " + total.failures());
    return run;
  }
}
