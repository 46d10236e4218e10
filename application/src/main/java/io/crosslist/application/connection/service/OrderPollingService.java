package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.application.job.handler.OrderRecorder;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.marketplace.PollCursorRepository;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * {@link PollOrdersUseCase}. The cursor is the newest order time seen; the gateway returns orders at or
 * after it, so the boundary order comes back on the next poll and its idempotency key keeps it from
 * being enqueued twice. Each order is first recorded as RECEIVED ({@link OrderRepository#receive}, once), then its
 * job enqueued; the job ({@code EtsyOrderHandler}) settles that recorded order. The cursor moves only after every
 * order is enqueued: a poll that fails halfway is repeated from the old cursor, at no cost but the lookups.
 */
public final class OrderPollingService implements PollOrdersUseCase {
  private final MarketplaceGateways gateways;
  private final PollCursorRepository cursors;
  private final OrderRepository orders;
  private final EnqueueJobUseCase enqueue;
  private final Clock clock;
  private final Duration firstLookback;

  /** @param firstLookback how far back the first poll of an account looks */
  public OrderPollingService(MarketplaceGateways gateways, PollCursorRepository cursors, OrderRepository orders,
      EnqueueJobUseCase enqueue, Clock clock, Duration firstLookback) {
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.cursors = Objects.requireNonNull(cursors, "cursors");
    this.orders = Objects.requireNonNull(orders, "orders");
    this.enqueue = Objects.requireNonNull(enqueue, "enqueue");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.firstLookback = Objects.requireNonNull(firstLookback, "firstLookback");
  }

  /** The idempotency key of the job that syncs one order. */
  public static String keyOf(Marketplace marketplace, MarketplaceOrder order) {
    return OrderRecorder.pollKey(marketplace, order.externalId());
  }

  @Override
  public int poll(TenantId tenant, Marketplace marketplace) {
    Objects.requireNonNull(tenant, "tenant");
    MarketplaceGateway gateway = gateways.find(marketplace)
        .orElseThrow(() -> new IllegalStateException("no gateway for " + marketplace));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as jobs store their times
    Instant since = cursors.find(tenant, marketplace).orElse(now.minus(firstLookback));
    List<MarketplaceOrder> polled = gateway.ordersSince(tenant, since);
    int enqueued = 0;
    Instant newest = since;
    for (MarketplaceOrder order : polled) {
      orders.receive(tenant, marketplace, order, now);
      MarketplaceJob job = enqueue.enqueue(tenant, JobRequest.of(marketplace, JobAction.SYNC_ORDERS, null)
          .withIdempotencyKey(keyOf(marketplace, order)));
      if (!job.createdAt().isBefore(now)) {
        enqueued++; // created by this poll; an earlier one's job is returned as it is
      }
      if (order.orderedAt().isAfter(newest)) {
        newest = order.orderedAt();
      }
    }
    if (newest.isAfter(since)) {
      cursors.advance(tenant, marketplace, newest);
    }
    return enqueued;
  }
}
