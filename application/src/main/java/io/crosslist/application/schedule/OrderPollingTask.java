package io.crosslist.application.schedule;

import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.Objects;

/**
 * Etsy polling: every tenant with a connected Etsy account, found through the connected-accounts
 * index, has its new receipts since the last cursor fetched and a SYNC_ORDERS job enqueued per order
 * (idempotent per order).
 */
public final class OrderPollingTask extends TenantSweepTask {
  public static final String NAME = "etsy-polling";
  /** How often it runs by default: every 5 minutes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  private final ConnectedTenantIndex connected;
  private final PollOrdersUseCase poll;

  public OrderPollingTask(ConnectedTenantIndex connected, PollOrdersUseCase poll, int parallelism) {
    super(NAME, DEFAULT_INTERVAL, parallelism);
    this.connected = Objects.requireNonNull(connected, "connected");
    this.poll = Objects.requireNonNull(poll, "poll");
  }

  @Override
  public RunSummary run(TenantScope scope) {
    return sweep(scope, (after, limit) -> connected.tenantsConnectedTo(Marketplace.ETSY, after, limit),
        tenant -> poll.poll(tenant, Marketplace.ETSY));
  }
}
