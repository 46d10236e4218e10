package io.crosslist.domain.conversation;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: a tenant's marketplace conversations. Threads and messages are stored idempotently by their
 * external ids: syncing the same thread twice, or from two workers at once, stores it once.
 */
public interface ConversationRepository {

  /**
   * Stores the thread (its buyer, unread count and last message time as now reported) and those of
   * {@code messages} not stored yet, in one transaction. Returns how many messages were new.
   */
  int record(TenantId tenant, ConversationThread thread, List<ConversationMessage> messages);

  /** The newest message time of the tenant's threads on {@code marketplace}; empty before the first sync. */
  Optional<Instant> newestMessageAt(TenantId tenant, Marketplace marketplace);

  /** The tenant's threads, newest message first, at most {@code limit} (1 to 500). */
  List<ConversationThread> threads(TenantId tenant, int limit);

  /** A thread's messages, oldest first, at most {@code limit} (1 to 500). */
  List<ConversationMessage> messages(TenantId tenant, Marketplace marketplace, String threadExternalId, int limit);
}
