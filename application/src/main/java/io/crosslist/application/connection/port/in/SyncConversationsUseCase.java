package io.crosslist.application.connection.port.in;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;

/**
 * In-port: fetches a tenant's message threads from a marketplace and stores them. Idempotent: threads
 * and messages are stored once per external id, however often or concurrently they are synced.
 */
public interface SyncConversationsUseCase {

  /**
   * @throws io.crosslist.domain.marketplace.MarketplaceException when the marketplace call fails
   */
  SyncSummary sync(TenantId tenant, Marketplace marketplace, Instant since);

  /** @param threads threads the marketplace returned  @param newMessages messages stored for the first time */
  record SyncSummary(int threads, int newMessages) {}
}
