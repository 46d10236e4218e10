package io.crosslist.application.schedule;

import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Etsy polling: every tenant with a connected Etsy account, found through the connected-accounts
 * index, has its new receipts since the last cursor fetched and a SYNC_ORDERS job enqueued per order
 * (idempotent per order).
 */
public final class OrderPollingTask extends ConnectedTenantsTask {
  public static final String NAME = "etsy-polling";
  /** How often it runs by default: every 5 minutes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  private final PollOrdersUseCase poll;

  public OrderPollingTask(ConnectedTenantIndex connected, PollOrdersUseCase poll, int parallelism) {
    super(NAME, DEFAULT_INTERVAL, connected, parallelism);
    this.poll = Objects.requireNonNull(poll, "poll");
  }

  @Override
  public RunSummary run(TenantScope scope) {
    return sweepConnected(scope, List.of(Marketplace.ETSY), tenant -> poll.poll(tenant, Marketplace.ETSY));
  }
}
