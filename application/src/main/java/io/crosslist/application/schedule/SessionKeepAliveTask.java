package io.crosslist.application.schedule;

import io.crosslist.application.connection.port.in.KeepSessionsAliveUseCase;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Vinted session keep-alive (DataDome): every tenant with a connected Vinted session, found through
 * the connected-accounts index, gets a keep-alive call per session; after {@code threshold} failures in
 * a row the connection is EXPIRED and the error log says why.
 */
public final class SessionKeepAliveTask extends ConnectedTenantsTask {
  public static final String NAME = "vinted-keep-alive";
  /** How often it runs by default: every 15 minutes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
  private final KeepSessionsAliveUseCase keepAlive;
  private final int threshold;

  public SessionKeepAliveTask(ConnectedTenantIndex connected, KeepSessionsAliveUseCase keepAlive, int threshold,
      int parallelism) {
    super(NAME, DEFAULT_INTERVAL, connected, parallelism);
    this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
    if (threshold < 1 || threshold > 100) {
      throw new IllegalArgumentException("threshold must be 1 to 100, got " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public RunSummary run(TenantScope scope) {
    return sweepConnected(scope, List.of(Marketplace.VINTED),
        tenant -> keepAlive.keepAlive(tenant, threshold).changed());
  }
}
