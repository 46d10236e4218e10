package io.crosslist.application.schedule;

import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Refreshes OAuth tokens that expire within the window, for every tenant connected to an OAuth
 * marketplace (eBay, Etsy), found through the connected-accounts index. A refresh the marketplace
 * refuses marks the connection EXPIRED (the use case's rule); it counts as a changed item.
 */
public final class TokenRefreshAheadTask extends ConnectedTenantsTask {
  public static final String NAME = "token-refresh";
  /** How often it runs by default: every 5 minutes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  private final RefreshTokensUseCase refresh;
  private final Duration window;

  public TokenRefreshAheadTask(ConnectedTenantIndex connected, RefreshTokensUseCase refresh, Duration window,
      int parallelism) {
    super(NAME, DEFAULT_INTERVAL, connected, parallelism);
    this.refresh = Objects.requireNonNull(refresh, "refresh");
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    this.window = window;
  }

  @Override
  public RunSummary run(TenantScope scope) {
    RunSummary total = null;
    for (Marketplace marketplace : new Marketplace[] {Marketplace.EBAY, Marketplace.ETSY}) {
      RunSummary one = sweepConnected(scope, List.of(marketplace), tenant -> {
        RefreshTokensUseCase.Summary s = refresh.refreshDue(tenant, window);
        if (s.failed() > 0 && s.refreshed() + s.expired() == 0) {
          throw new IllegalStateException(s.failed() + " refresh(es) failed");
        }
        return s.refreshed() + s.expired();
      });
      total = total == null ? one : total.plus(one);
    }
    return total;
  }
}
