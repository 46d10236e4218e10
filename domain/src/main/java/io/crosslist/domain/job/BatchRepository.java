package io.crosslist.domain.job;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Out-port: a tenant's batches. Their counts move with their jobs ({@link MarketplaceJobRepository#transition}). */
public interface BatchRepository {

  /** Stores a new, empty batch; each job enqueued into it is counted as it is stored. */
  BatchJob create(TenantId tenant, String description, Instant now);

  Optional<BatchJob> findById(TenantId tenant, BatchId id);
}
