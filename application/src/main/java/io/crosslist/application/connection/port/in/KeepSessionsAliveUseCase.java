package io.crosslist.application.connection.port.in;

import io.crosslist.domain.tenant.TenantId;

/**
 * In-port: keeps a tenant's marketplace web sessions (Vinted) alive. Each CONNECTED session gets one
 * keep-alive call; a success records its time and clears the failure count; after {@code threshold}
 * consecutive failures the connection becomes EXPIRED and the marketplace error log says why.
 */
public interface KeepSessionsAliveUseCase {

  /** How the tenant's sessions fared. */
  record Summary(int keptAlive, int failed, int expired) {
    public int changed() {
      return keptAlive + expired;
    }
  }

  /** @param threshold consecutive failures that expire a connection, 1 to 100 */
  Summary keepAlive(TenantId tenant, int threshold);
}
