package io.crosslist.application.tenant;

import io.crosslist.application.job.port.in.ClaimJobsUseCase;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claim path of the job workers, with one guarantee more: a job runs only on a tenant schema at this build's
 * versions. Before a worker starts a tenant's leased jobs, a tenant found behind is migrated first, on that
 * worker's thread (one tenant, in one short transaction); its jobs then start as usual, and never meet a missing
 * table or column. Should the migration fail, the leases are given back (no attempt counted) and the failure logged.
 */
public final class CurrentSchemaClaims implements ClaimJobsUseCase {
  private static final System.Logger LOG = System.getLogger(CurrentSchemaClaims.class.getName());
  private final ClaimJobsUseCase claims;
  private final GiveBack giveBack;
  private final FleetOperationsUseCase fleet;

  /** Gives a leased, unstarted job back to the queue without counting an attempt. */
  @FunctionalInterface
  public interface GiveBack {
    boolean giveBack(String worker, Lease lease);
  }

  public CurrentSchemaClaims(ClaimJobsUseCase claims, GiveBack giveBack, FleetOperationsUseCase fleet) {
    this.claims = Objects.requireNonNull(claims, "claims");
    this.giveBack = Objects.requireNonNull(giveBack, "giveBack");
    this.fleet = Objects.requireNonNull(fleet, "fleet");
  }

  @Override
  public List<Lease> lease(String worker, ClaimRequest request) {
    return claims.lease(worker, request);
  }

  @Override
  public List<ClaimedJob> start(String worker, TenantId tenant, List<Lease> leases) {
    try {
      fleet.ensureCurrent(tenant);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "{0}: its schema is behind this build and its migration failed ({1}); its {2} job(s)"
          + " were given back", tenant, e.getMessage(), leases.size());
      leases.forEach(lease -> giveBack.giveBack(worker, lease));
      return List.of();
    }
    return claims.start(worker, tenant, leases);
  }

  /** Leases, then starts each tenant's leased jobs through {@link #start}, so the guarantee holds here too. */
  @Override
  public List<ClaimedJob> claim(String worker, ClaimRequest request) {
    Map<TenantId, List<Lease>> byTenant = new LinkedHashMap<>();
    for (Lease lease : claims.lease(worker, request)) {
      byTenant.computeIfAbsent(lease.tenant(), t -> new ArrayList<>()).add(lease);
    }
    List<ClaimedJob> started = new ArrayList<>();
    byTenant.forEach((tenant, leases) -> started.addAll(start(worker, tenant, leases)));
    return started;
  }
}
