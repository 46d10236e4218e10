package io.crosslist.domain.conversation;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** Out-port: a marketplace's messaging API. */
public interface ConversationGateway {

  Marketplace marketplace();

  /**
   * Threads with a message sent since {@code since}, each with those messages, oldest first.
   *
   * @throws MarketplaceException when the marketplace fails or refuses the call
   */
  List<SyncedThread> conversationsSince(TenantId account, Instant since);

  /** A thread and its messages since the requested time. */
  record SyncedThread(ConversationThread thread, List<ConversationMessage> messages) {
    public SyncedThread {
      java.util.Objects.requireNonNull(thread, "thread");
      messages = List.copyOf(messages);
    }
  }
}
