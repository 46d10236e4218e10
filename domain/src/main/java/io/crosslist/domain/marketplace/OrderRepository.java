package io.crosslist.domain.marketplace;

import io.crosslist.domain.Page;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: the marketplace orders a tenant's syncs have seen, one per (marketplace, external id). An order is
 * {@linkplain #receive received} once, then {@linkplain #settle settled} once, by whoever holds its row
 * ({@link #findForUpdate}) in the transaction that takes its stock.
 */
public interface OrderRepository {

  /**
   * Records an order as RECEIVED, once.
   *
   * @return false when the order (marketplace, external id) was recorded before; nothing is changed then
   */
  boolean receive(TenantId tenant, Marketplace marketplace, MarketplaceOrder order, Instant at);

  /**
   * The order, its row locked until the end of the current transaction: a second settler of the same order waits,
   * then finds it settled.
   */
  Optional<RecordedOrder> findForUpdate(TenantId tenant, Marketplace marketplace, String externalId);

  /**
   * Settles a RECEIVED order.
   *
   * @param product the product it was matched to, or null (UNMATCHED)
   * @param job the job that settled it, or null
   * @throws IllegalStateException when the order is not RECEIVED (or not recorded)
   */
  void settle(TenantId tenant, Marketplace marketplace, String externalId, ProductId product, OrderStatus status,
      JobId job, Instant at);

  /** One page of the tenant's orders, newest first, filtered as {@code search} says. */
  Page<RecordedOrder> search(TenantId tenant, OrderSearch search);
}
