package io.crosslist.application.connection.port.in;

import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/** In-port: the tenant's marketplace conversations, newest message first. */
public interface ListConversationsUseCase {

  /** Default number of threads. */
  int DEFAULT_LIMIT = 50;

  /** @param limit 1 to 500 */
  List<ConversationThread> threads(TenantId tenant, int limit);
}
