package io.crosslist.adapter.persistence.internal.conversation;

import io.crosslist.domain.conversation.ConversationMessage;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.conversation_threads} and {@code ${tenant}.conversation_messages}. */
public interface ConversationMapper {

  /** Inserts or refreshes the thread; returns its id. */
  long upsertThread(@Param("tenant") TenantId tenant, @Param("thread") ConversationThread thread,
      @Param("marketplace") String marketplace, @Param("now") Instant now);

  /** Inserts the messages not stored yet; returns how many it inserted. */
  int insertMessages(@Param("tenant") TenantId tenant, @Param("threadId") long threadId,
      @Param("marketplace") String marketplace, @Param("messages") List<ConversationMessage> messages);

  /** The newest message time stored for the marketplace, or null when none is. */
  Instant newestMessageAt(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace);

  List<ThreadRow> threads(@Param("tenant") TenantId tenant, @Param("limit") int limit);

  List<MessageRow> messages(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace,
      @Param("threadExternalId") String threadExternalId, @Param("limit") int limit);

  /** A row of {@code conversation_threads}. */
  final class ThreadRow {
    public String marketplace;
    public String externalId;
    public String buyerName;
    public String listingExternalId;
    public int unreadCount;
    public Instant lastMessageAt;
  }

  /** A row of {@code conversation_messages}. */
  final class MessageRow {
    public String externalId;
    public boolean inbound;
    public String body;
    public Instant sentAt;
  }
}
