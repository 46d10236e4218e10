package io.crosslist.application.job.handler;

import io.crosslist.application.job.handler.OrderRecorder.Outcome;
import io.crosslist.application.job.handler.OrderRecorder.Settlement;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * ETSY SYNC_ORDERS: settles the one order its job was enqueued for. Etsy polling records each new receipt as a
 * RECEIVED order and enqueues a job keyed {@code order-poll:etsy:<receipt id>} ({@link OrderRecorder#pollKey}); this
 * handler reads the receipt id from that key and settles the order through the {@link OrderRecorder} that eBay's
 * sync uses too (stock, SOLD, withdrawals elsewhere, oversell). A job polled before Crosslist kept received orders
 * finds none stored and fetches the receipt from Etsy again; a job enqueued by hand, without a poll key, syncs the
 * last {@code lookback} of orders like eBay's.
 */
public final class EtsyOrderHandler extends MarketplaceHandler {
  private final OrderRecorder recorder;
  private final Clock clock;
  private final Duration lookback;

  /** @throws IllegalArgumentException when {@code gateway} is not Etsy's */
  public EtsyOrderHandler(MarketplaceGateway gateway, OrderRecorder recorder, Clock clock, Duration lookback) {
    super(gateway, JobAction.SYNC_ORDERS);
    if (!gateway.marketplace().equals(Marketplace.ETSY)) {
      throw new IllegalArgumentException("EtsyOrderHandler needs Etsy's gateway, got " + gateway.marketplace());
    }
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lookback = Objects.requireNonNull(lookback, "lookback");
  }

  @Override
  JobOutcome run(JobContext context) {
    Optional<String> receipt = OrderRecorder.orderOfPollKey(Marketplace.ETSY, context.job().idempotencyKey());
    if (receipt.isEmpty()) {
      return OrdersSyncHandler.syncSince(context, gateway, recorder, clock.instant().minus(lookback));
    }
    String id = receipt.get();
    Settlement s = recorder.settle(context.tenant(), Marketplace.ETSY, id, context.job().id());
    if (s.outcome() == Outcome.NOT_RECEIVED) {
      Instant since = context.job().createdAt().minus(lookback);
      MarketplaceOrder order = gateway.ordersSince(context.tenant(), since).stream()
          .filter(o -> o.externalId().equals(id)).findFirst()
          .orElseThrow(() -> new Refused("ETSY order " + id + " is not among the orders Etsy reports since " + since));
      s = recorder.record(context.tenant(), Marketplace.ETSY, order, context.job().id());
    }
    return JobOutcome.success(JsonText.object().with("order", id).with("outcome", s.outcome().name())
        .with("new", s.outcome().isNew()).with("withdrawn", s.withdrawn()).toString());
  }
}
