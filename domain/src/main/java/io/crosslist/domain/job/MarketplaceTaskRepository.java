package io.crosslist.domain.job;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/** Out-port: the ordered steps of a tenant's jobs, so that a retried job resumes after its completed steps. */
public interface MarketplaceTaskRepository {

  /** The steps recorded for {@code job}, in position order (empty before its first step). */
  List<MarketplaceTask> steps(TenantId tenant, JobId job);

  /** Inserts or replaces the step at {@code task.position()}. */
  void save(TenantId tenant, MarketplaceTask task);
}
