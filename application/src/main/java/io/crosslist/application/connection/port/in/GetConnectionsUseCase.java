package io.crosslist.application.connection.port.in;

import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/**
 * In-port: a reseller's connections, without their secrets. A connection whose stored secrets are still
 * plaintext or do not decrypt is listed all the same, its {@link ConnectionView#secretState()} saying so
 * and {@link ConnectionView#secretFix()} what fixes it; reading never fails for that.
 */
public interface GetConnectionsUseCase {

  /** @throws io.crosslist.domain.connection.ConnectionNotFoundException when the tenant has no such connection */
  ConnectionView get(TenantId tenant, ConnectionId connection);

  /** Every connection of the tenant, revoked ones included, by id. */
  List<ConnectionView> list(TenantId tenant);
}
