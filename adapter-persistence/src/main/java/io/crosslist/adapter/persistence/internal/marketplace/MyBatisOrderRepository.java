package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.marketplace.OrderSearch;
import io.crosslist.domain.marketplace.OrderStatus;
import io.crosslist.domain.marketplace.RecordedOrder;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link OrderRepository} on {@code ${tenant}.marketplace_orders}. */
@Singleton
public final class MyBatisOrderRepository implements OrderRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisOrderRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean receive(TenantId tenant, Marketplace marketplace, MarketplaceOrder order, Instant at) {
    Objects.requireNonNull(order, "order");
    return sessions.call(tenant, s -> s.getMapper(OrderMapper.class).receive(tenant, marketplace.name(),
        order.externalId(), order.listingExternalId(), order.quantity(), order.total().amount(),
        order.total().currency(), order.orderedAt(), at.truncatedTo(ChronoUnit.MICROS))) == 1;
  }

  @Override
  public Optional<RecordedOrder> findForUpdate(TenantId tenant, Marketplace marketplace, String externalId) {
    return sessions.call(tenant, s -> s.getMapper(OrderMapper.class).findForUpdate(tenant, marketplace.name(),
        externalId)).map(OrderRow::toOrder);
  }

  @Override
  public void settle(TenantId tenant, Marketplace marketplace, String externalId, ProductId product,
      OrderStatus status, JobId job, Instant at) {
    if (Objects.requireNonNull(status, "status") == OrderStatus.RECEIVED) {
      throw new IllegalArgumentException("an order is settled ACCEPTED, OVERSOLD or UNMATCHED, not RECEIVED");
    }
    int settled = sessions.call(tenant, s -> s.getMapper(OrderMapper.class).settle(tenant, marketplace.name(),
        externalId, product == null ? null : product.value(), status.name(), job == null ? null : job.value(),
        at.truncatedTo(ChronoUnit.MICROS)));
    if (settled != 1) {
      throw new IllegalStateException(marketplace + " order " + externalId + " is not RECEIVED");
    }
  }

  @Override
  public Page<RecordedOrder> search(TenantId tenant, OrderSearch search) {
    Objects.requireNonNull(search, "search");
    // one row more than asked says whether a next page exists
    List<OrderRow> rows = sessions.call(tenant, s -> s.getMapper(OrderMapper.class).search(tenant,
        search.marketplace() == null ? null : search.marketplace().name(),
        search.product() == null ? null : search.product().value(), search.since(), search.until(),
        search.oversold(), search.after() == null ? null : search.after().lastId(), search.limit() + 1));
    List<RecordedOrder> orders = rows.stream().limit(search.limit()).map(OrderRow::toOrder).toList();
    return new Page<>(orders, rows.size() > search.limit()
        ? PageCursor.after(orders.get(orders.size() - 1).id()) : null);
  }
}
