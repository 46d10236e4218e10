package io.crosslist.application.connection.port.in;

import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.tenant.TenantId;

/** In-port: a reseller disconnects an account. Its secrets are erased, not only flagged; doing it twice is harmless. */
public interface DisconnectMarketplaceUseCase {

  /** @throws io.crosslist.domain.connection.ConnectionNotFoundException when the tenant has no such connection */
  ConnectionView disconnect(TenantId tenant, ConnectionId connection);
}
