package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.conversation.ConversationGateway.SyncedThread;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Syncs conversations through each marketplace's {@link ConversationGateway}; each thread is stored in its own transaction. */
public final class ConversationSyncService implements SyncConversationsUseCase {
  private final Map<Marketplace, ConversationGateway> gateways = new LinkedHashMap<>();
  private final ConversationRepository conversations;

  public ConversationSyncService(List<ConversationGateway> gateways, ConversationRepository conversations) {
    gateways.forEach(g -> this.gateways.put(g.marketplace(), g));
    this.conversations = Objects.requireNonNull(conversations, "conversations");
  }

  @Override
  public SyncSummary sync(TenantId tenant, Marketplace marketplace, Instant since) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(since, "since");
    ConversationGateway gateway = gateways.get(Objects.requireNonNull(marketplace, "marketplace"));
    if (gateway == null) {
      throw ValidationException.of("marketplace", "has no conversation gateway configured: " + marketplace);
    }
    int threads = 0;
    int newMessages = 0;
    for (SyncedThread synced : gateway.conversationsSince(tenant, since)) {
      if (!synced.thread().marketplace().equals(marketplace)) {
        throw new IllegalStateException("the " + marketplace + " gateway returned a " + synced.thread().marketplace()
            + " thread");
      }
      newMessages += conversations.record(tenant, synced.thread(), synced.messages());
      threads++;
    }
    return new SyncSummary(threads, newMessages);
  }
}
