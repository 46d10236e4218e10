package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionNotFoundException;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refresh-ahead of OAuth tokens. Each refresh runs in one transaction of the tenant that locks the
 * connection's row first and checks again whether it is due, so of concurrent refreshes only the first
 * calls the marketplace. The transaction stays open during that call: one short call per connection,
 * and it is what makes the collapse hold across processes too.
 */
public final class TokenRefreshService implements RefreshTokensUseCase {
  private static final Logger LOG = System.getLogger(TokenRefreshService.class.getName());
  static final Duration MAX_WINDOW = Duration.ofDays(30);
  private final MarketplaceConnectionRepository connections;
  private final Map<Marketplace, OAuthGateway> gateways = new LinkedHashMap<>();
  private final JobJournal journal;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public TokenRefreshService(MarketplaceConnectionRepository connections, List<OAuthGateway> gateways,
      JobJournal journal, UnitOfWork unitOfWork, Clock clock) {
    this.connections = Objects.requireNonNull(connections, "connections");
    for (OAuthGateway gateway : gateways) {
      if (this.gateways.put(gateway.marketplace(), gateway) != null) {
        throw new IllegalArgumentException("two OAuth gateways for " + gateway.marketplace());
      }
    }
    this.journal = Objects.requireNonNull(journal, "journal");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Outcome refresh(TenantId tenant, ConnectionId id, Duration window) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    requireWindow(window);
    return unitOfWork.inTransaction(tenant, () -> {
      MarketplaceConnection current = connections.findForUpdate(tenant, id)
          .orElseThrow(() -> new ConnectionNotFoundException(id));
      return refreshLocked(tenant, current, window);
    });
  }

  @Override
  public Summary refreshDue(TenantId tenant, Duration window) {
    requireWindow(window);
    Summary summary = new Summary(0, 0, 0, 0, 0);
    Instant now = clock.instant();
    for (MarketplaceConnection c : connections.list(Objects.requireNonNull(tenant, "tenant"))) {
      if (!refreshable(c)) {
        continue; // not counted: revoked and Vinted connections are not the refresher's business
      }
      if (!c.tokens().expireWithin(window, now)) {
        summary = summary.plus(Outcome.NOT_DUE);
        continue;
      }
      try {
        summary = summary.plus(refresh(tenant, c.id(), window));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "refreshing connection " + c.id() + " of " + tenant + " failed", e);
        summary = summary.plus(Outcome.FAILED);
      }
    }
    return summary;
  }

  private Outcome refreshLocked(TenantId tenant, MarketplaceConnection current, Duration window) {
    if (!refreshable(current)) {
      return Outcome.SKIPPED;
    }
    Instant now = clock.instant();
    if (!current.tokens().expireWithin(window, now)) {
      return Outcome.NOT_DUE;
    }
    OAuthGateway gateway = gateways.get(current.marketplace());
    if (gateway == null) {
      LOG.log(Level.WARNING, "no OAuth gateway for {0}: connection {1} of {2} cannot be refreshed",
          current.marketplace(), current.id(), tenant);
      return Outcome.FAILED;
    }
    try {
      OAuthTokens fresh = gateway.refresh(tenant, current.externalAccountId(), current.tokens().refreshToken());
      connections.update(tenant, current.refreshed(fresh, now));
      return Outcome.REFRESHED;
    } catch (MarketplaceException e) {
      if (e.retryable()) {
        LOG.log(Level.INFO, "refreshing {0} connection {1} of {2} failed for now: {3}", current.marketplace(),
            current.id(), tenant, e.getMessage());
        return Outcome.FAILED;
      }
      connections.update(tenant, current.expired(e.getMessage(), now));
      journal.recordError(tenant, new MarketplaceError(current.marketplace(), null, "TOKEN_REFRESH_REFUSED",
          e.getMessage(), "connection " + current.id(), now));
      LOG.log(Level.WARNING, "{0} refused the refresh of connection {1} of {2}; it is EXPIRED: {3}",
          current.marketplace(), current.id(), tenant, e.getMessage());
      return Outcome.EXPIRED;
    }
  }

  private static boolean refreshable(MarketplaceConnection c) {
    return c.status() == ConnectionStatus.CONNECTED && c.tokens() != null && c.tokens().refreshToken() != null;
  }

  private static void requireWindow(Duration window) {
    if (window == null || window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
      throw io.crosslist.domain.ValidationException.of("window", "must be between 0 and 30 days");
    }
  }
}
