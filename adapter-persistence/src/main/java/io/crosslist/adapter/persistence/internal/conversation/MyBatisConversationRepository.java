package io.crosslist.adapter.persistence.internal.conversation;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.conversation.ConversationMessage;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import org.apache.ibatis.session.SqlSession;

/** {@link ConversationRepository} on the tenant's {@code conversation_threads} and {@code conversation_messages}. */
@Singleton
public final class MyBatisConversationRepository implements ConversationRepository {
  private final MyBatisUnitOfWork sessions;
  private final Clock clock = Clock.systemUTC();

  @Inject
  MyBatisConversationRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public int record(TenantId tenant, ConversationThread thread, List<ConversationMessage> messages) {
    Objects.requireNonNull(thread, "thread");
    // one row per external id even when the marketplace repeats a message in one batch
    Map<String, ConversationMessage> distinct = new LinkedHashMap<>();
    messages.forEach(m -> distinct.putIfAbsent(m.externalId(), m));
    String marketplace = thread.marketplace().name();
    return sessions.inTransaction(tenant, () -> {
      long threadId = sessions.call(tenant, s -> conversations(s).upsertThread(tenant, thread, marketplace,
          clock.instant()));
      if (distinct.isEmpty()) {
        return 0;
      }
      return sessions.call(tenant, s -> conversations(s).insertMessages(tenant, threadId, marketplace,
          new ArrayList<>(distinct.values())));
    });
  }

  @Override
  public Optional<Instant> newestMessageAt(TenantId tenant, Marketplace marketplace) {
    Objects.requireNonNull(marketplace, "marketplace");
    return Optional.ofNullable(sessions.call(tenant, s -> conversations(s).newestMessageAt(tenant,
        marketplace.name())));
  }

  @Override
  public List<ConversationThread> threads(TenantId tenant, int limit) {
    requireLimit(limit);
    return sessions.call(tenant, s -> conversations(s).threads(tenant, limit)).stream()
        .map(r -> new ConversationThread(Marketplace.of(r.marketplace), r.externalId, r.buyerName,
            r.listingExternalId, r.unreadCount, r.lastMessageAt))
        .toList();
  }

  @Override
  public List<ConversationMessage> messages(TenantId tenant, Marketplace marketplace, String threadExternalId,
      int limit) {
    requireLimit(limit);
    return sessions.call(tenant, s -> conversations(s).messages(tenant, marketplace.name(), threadExternalId, limit))
        .stream().map(r -> new ConversationMessage(r.externalId, r.inbound, r.body, r.sentAt)).toList();
  }

  private static void requireLimit(int limit) {
    if (limit < 1 || limit > 500) {
      throw ValidationException.of("limit", "must be between 1 and 500");
    }
  }

  private static ConversationMapper conversations(SqlSession session) {
    return session.getMapper(ConversationMapper.class);
  }
}
