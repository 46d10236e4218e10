package io.crosslist.application.connection.port.in;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * In-port: fetches a tenant's message threads from a marketplace and stores them. Idempotent: threads
 * and messages are stored once per external id, however often or concurrently they are synced.
 */
public interface SyncConversationsUseCase {

  /**
   * @throws io.crosslist.domain.marketplace.MarketplaceException when the marketplace call fails
   */
  SyncSummary sync(TenantId tenant, Marketplace marketplace, Instant since);

  /** How far back the first sync of a tenant on a marketplace looks. */
  Duration FIRST_LOOKBACK = Duration.ofDays(30);

  /**
   * Syncs what is new: since the newest message stored for the marketplace (that instant included: what is
   * stored already is stored once), or {@link #FIRST_LOOKBACK} back on the first sync.
   *
   * @throws io.crosslist.domain.ValidationException naming {@code marketplace} when it has no conversation gateway
   * @throws io.crosslist.domain.marketplace.MarketplaceException when the marketplace call fails
   */
  SyncSummary syncNew(TenantId tenant, Marketplace marketplace);

  /**
   * {@link #syncNew} for every marketplace with a conversation gateway on which the tenant has a CONNECTED account
   * (the on-demand sync of {@code POST /conversations/sync}); a marketplace that fails does not stop the others.
   */
  Map<Marketplace, SyncOutcome> syncConnected(TenantId tenant);

  /** The marketplaces with a conversation gateway. */
  Set<Marketplace> marketplaces();

  /** What one marketplace's sync did: a summary, or why it failed (then summary is null). */
  record SyncOutcome(SyncSummary summary, String failure) {}

  /** @param threads threads the marketplace returned  @param newMessages messages stored for the first time */
  record SyncSummary(int threads, int newMessages) {}
}
