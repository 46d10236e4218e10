package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.KeepSessionsAliveUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link KeepSessionsAliveUseCase}. Each connection's keep-alive runs in one transaction of the tenant
 * that locks the connection's row, so a disconnect or a concurrent keep-alive cannot interleave with
 * the failure count.
 */
public final class SessionKeepAliveService implements KeepSessionsAliveUseCase {
  private static final Logger LOG = System.getLogger(SessionKeepAliveService.class.getName());
  private final MarketplaceConnectionRepository connections;
  private final Map<Marketplace, SessionKeepAliveGateway> gateways = new LinkedHashMap<>();
  private final JobJournal journal;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SessionKeepAliveService(MarketplaceConnectionRepository connections, List<SessionKeepAliveGateway> gateways,
      JobJournal journal, UnitOfWork unitOfWork, Clock clock) {
    this.connections = Objects.requireNonNull(connections, "connections");
    for (SessionKeepAliveGateway gateway : gateways) {
      if (this.gateways.put(gateway.marketplace(), gateway) != null) {
        throw new IllegalArgumentException("two keep-alive gateways for " + gateway.marketplace());
      }
    }
    this.journal = Objects.requireNonNull(journal, "journal");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Summary keepAlive(TenantId tenant, int threshold) {
    Objects.requireNonNull(tenant, "tenant");
    if (threshold < 1 || threshold > 100) {
      throw ValidationException.of("threshold", "must be between 1 and 100");
    }
    Summary summary = new Summary(0, 0, 0);
    for (MarketplaceConnection listed : connections.list(tenant)) {
      if (!alive(listed) || !gateways.containsKey(listed.marketplace())) {
        continue;
      }
      Outcome outcome = unitOfWork.inTransaction(tenant, () -> connections.findForUpdate(tenant, listed.id())
          .filter(SessionKeepAliveService::alive)
          .map(current -> keepAliveLocked(tenant, current, threshold))
          .orElse(Outcome.GONE));
      summary = switch (outcome) {
        case KEPT -> new Summary(summary.keptAlive() + 1, summary.failed(), summary.expired());
        case FAILED -> new Summary(summary.keptAlive(), summary.failed() + 1, summary.expired());
        case EXPIRED -> new Summary(summary.keptAlive(), summary.failed() + 1, summary.expired() + 1);
        case GONE -> summary; // disconnected or expired meanwhile
      };
    }
    return summary;
  }

  private enum Outcome { KEPT, FAILED, EXPIRED, GONE }

  private Outcome keepAliveLocked(TenantId tenant, MarketplaceConnection current, int threshold) {
    Instant now = clock.instant();
    try {
      gateways.get(current.marketplace()).keepAlive(tenant, current.externalAccountId(), current.session().cookies());
      connections.update(tenant, current.keptAlive(now));
      return Outcome.KEPT;
    } catch (MarketplaceException e) {
      MarketplaceConnection failed = current.keepAliveFailed(e.getMessage(), now);
      if (failed.session().failedKeepAlives() < threshold) {
        connections.update(tenant, failed);
        LOG.log(Level.INFO, "keep-alive {0} of {1} failed for connection {2} of {3}: {4}",
            failed.session().failedKeepAlives(), threshold, current.id(), tenant, e.getMessage());
        return Outcome.FAILED;
      }
      connections.update(tenant, failed.expired(e.getMessage(), now));
      journal.recordError(tenant, new MarketplaceError(current.marketplace(), null, "SESSION_EXPIRED",
          e.getMessage(), "connection " + current.id() + ": " + threshold + " keep-alives failed in a row", now));
      LOG.log(Level.WARNING, "{0} session of connection {1} of {2} is EXPIRED after {3} failed keep-alives: {4}",
          current.marketplace(), current.id(), tenant, threshold, e.getMessage());
      return Outcome.EXPIRED;
    }
  }

  private static boolean alive(MarketplaceConnection c) {
    return c.status() == ConnectionStatus.CONNECTED && c.session() != null;
  }
}
