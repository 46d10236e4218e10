package io.crosslist.application.connection.port.in;

import io.crosslist.domain.Page;
import io.crosslist.domain.marketplace.OrderSearch;
import io.crosslist.domain.marketplace.RecordedOrder;
import io.crosslist.domain.tenant.TenantId;

/**
 * In-port: the orders the tenant's orders syncs recorded, newest first, with their status: an OVERSOLD order
 * arrived after its product sold out on another marketplace, and the reseller cancels it.
 */
public interface ListOrdersUseCase {

  Page<RecordedOrder> orders(TenantId tenant, OrderSearch search);
}
