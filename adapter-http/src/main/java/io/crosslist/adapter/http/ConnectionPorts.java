package io.crosslist.adapter.http;

import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.DisconnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.GetConnectionsUseCase;
import java.util.Objects;

/** The marketplace-connection in-ports the HTTP API calls. */
public record ConnectionPorts(ConnectMarketplaceUseCase connect, DisconnectMarketplaceUseCase disconnect,
    GetConnectionsUseCase get) {
  public ConnectionPorts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(disconnect, "disconnect");
    Objects.requireNonNull(get, "get");
  }
}
