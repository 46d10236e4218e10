package io.crosslist.application.connection.port.in;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;

/**
 * In-port: polls a tenant's new orders on a marketplace (Etsy receipts) since the stored cursor, records each
 * as a RECEIVED order and enqueues one SYNC_ORDERS job per order (which settles it), idempotent by the order's
 * id, so overlapping or repeated polls never record or enqueue an order twice.
 */
public interface PollOrdersUseCase {

  /** @return how many jobs this poll enqueued (orders seen before are not counted) */
  int poll(TenantId tenant, Marketplace marketplace);
}
