package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.ConnectionView;
import io.crosslist.application.connection.port.in.DisconnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.GetConnectionsUseCase;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionNotFoundException;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.WebSession;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Connects, disconnects and lists a tenant's marketplace accounts. */
public final class MarketplaceConnectionService implements ConnectMarketplaceUseCase, DisconnectMarketplaceUseCase,
    GetConnectionsUseCase {
  private static final Logger LOG = System.getLogger(MarketplaceConnectionService.class.getName());
  private final MarketplaceConnectionRepository connections;
  private final Clock clock;

  public MarketplaceConnectionService(MarketplaceConnectionRepository connections, Clock clock) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ConnectionView connect(ConnectCommand command) {
    Objects.requireNonNull(command, "command");
    MarketplaceConnection connection = Marketplace.VINTED.equals(command.marketplace())
        ? MarketplaceConnection.withSession(command.externalAccountId(), command.displayName(),
            command.sessionCookies() == null ? null : new WebSession(command.sessionCookies(), null), clock.instant())
        : MarketplaceConnection.withTokens(command.marketplace(), command.externalAccountId(), command.displayName(),
            command.tokens(), clock.instant());
    MarketplaceConnection stored = connections.add(command.tenant(), connection);
    LOG.log(Level.INFO, "{0} connected {1} account {2} as connection {3}", command.tenant(), stored.marketplace(),
        stored.externalAccountId(), stored.id());
    return ConnectionView.of(stored);
  }

  @Override
  public ConnectionView disconnect(TenantId tenant, ConnectionId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    // revoked in storage without reading the secrets, so even a connection whose secrets no longer decrypt goes
    return connections.revoke(tenant, id, clock.instant()).map(revoked -> {
      LOG.log(Level.INFO, "{0} disconnected {1} connection {2}; its secrets are erased", tenant,
          revoked.marketplace(), id);
      return ConnectionView.of(revoked);
    }).orElseGet(() -> connections.findSummary(tenant, id).filter(c -> c.status() == ConnectionStatus.REVOKED)
        .map(ConnectionView::of).orElseThrow(() -> new ConnectionNotFoundException(id)));
  }

  // Reads go through summaries: a connection whose secrets are plaintext or unreadable is shown with that
  // state and what fixes it, instead of failing the whole answer.
  @Override
  public ConnectionView get(TenantId tenant, ConnectionId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return connections.findSummary(tenant, id).map(ConnectionView::of)
        .orElseThrow(() -> new ConnectionNotFoundException(id));
  }

  @Override
  public List<ConnectionView> list(TenantId tenant) {
    return connections.summaries(Objects.requireNonNull(tenant, "tenant")).stream().map(ConnectionView::of).toList();
  }
}
