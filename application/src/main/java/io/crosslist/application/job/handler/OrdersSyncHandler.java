package io.crosslist.application.job.handler;

import io.crosslist.application.job.handler.OrderRecorder.Outcome;
import io.crosslist.application.job.handler.OrderRecorder.Settlement;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * SYNC_ORDERS (the eBay orders sync): records the marketplace's orders of the last {@code lookback} through the
 * {@link OrderRecorder}: an order new to Crosslist takes its quantity off the product's stock, a published product
 * left with none is SOLD and its listings elsewhere are withdrawn, an order for a product sold out before is an
 * oversell. Each order is recorded with its effects in one transaction, so running the job again changes nothing.
 */
public final class OrdersSyncHandler extends MarketplaceHandler {
  private final OrderRecorder recorder;
  private final Clock clock;
  private final Duration lookback;

  public OrdersSyncHandler(MarketplaceGateway gateway, OrderRecorder recorder, Clock clock, Duration lookback) {
    super(gateway, JobAction.SYNC_ORDERS);
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lookback = Objects.requireNonNull(lookback, "lookback");
  }

  @Override
  JobOutcome run(JobContext context) {
    return syncSince(context, gateway, recorder, clock.instant().minus(lookback));
  }

  /**
   * Records every order the marketplace reports since {@code since}; the result counts the orders seen, the new
   * ones, the products they sold out, the oversells and the listings withdrawn.
   */
  static JobOutcome syncSince(JobContext context, MarketplaceGateway gateway, OrderRecorder recorder,
      Instant since) {
    List<MarketplaceOrder> orders = gateway.ordersSince(context.tenant(), since);
    int recorded = 0;
    int sold = 0;
    int oversold = 0;
    int withdrawn = 0;
    for (int i = 0; i < orders.size(); i++) {
      if (context.cancellation().isCancelled()) {
        return JobOutcome.cancelled();
      }
      Settlement s = recorder.record(context.tenant(), gateway.marketplace(), orders.get(i), context.job().id());
      recorded += s.outcome().isNew() ? 1 : 0;
      sold += s.outcome() == Outcome.SOLD_OUT ? 1 : 0;
      oversold += s.outcome() == Outcome.OVERSOLD ? 1 : 0;
      withdrawn += s.withdrawn();
      context.progress().report(new JobProgress(i + 1, orders.size(), "synced " + (i + 1) + " orders"));
    }
    return JobOutcome.success(JsonText.object().with("orders", orders.size()).with("new", recorded)
        .with("sold", sold).with("oversold", oversold).with("withdrawn", withdrawn).toString());
  }
}
