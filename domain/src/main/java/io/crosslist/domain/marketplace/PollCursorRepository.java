package io.crosslist.domain.marketplace;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Out-port: how far a tenant's orders on a marketplace have been polled (the Etsy receipts polling). */
public interface PollCursorRepository {

  /** The time up to which orders were polled; empty before the first poll. */
  Optional<Instant> find(TenantId tenant, Marketplace marketplace);

  /** Moves the cursor to {@code polledUntil}, never backwards (a slower overlapping run cannot rewind it). */
  void advance(TenantId tenant, Marketplace marketplace, Instant polledUntil);
}
