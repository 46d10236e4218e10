package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosslist.application.connection.port.in.SyncConversationsUseCase.SyncSummary;
import io.crosslist.application.connection.service.ConversationSyncService;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.conversation.ConversationMessage;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Conversations on real PostgreSQL: stored once per external id, even when synced concurrently. */
class ConversationSyncTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private final Persistence db = Persistence.get();
  private final ConversationRepository conversations = db.injector.getInstance(ConversationRepository.class);

  private static ConversationThread thread(String id, int unread, Instant last) {
    return new ConversationThread(Marketplace.VINTED, id, "buyer " + id, "listing-" + id, unread, last);
  }

  private static List<ConversationMessage> messages(int n) {
    List<ConversationMessage> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      list.add(new ConversationMessage("msg-" + i, i % 2 == 1, "hello " + i, T0.plusSeconds(i)));
    }
    return list;
  }

  @Test
  void eight_concurrent_syncs_of_one_thread_store_it_and_each_message_once() throws Exception {
    TenantId tenant = db.newTenant();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    int stored = 0;
    try {
      List<Callable<Integer>> syncs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        syncs.add(() -> conversations.record(tenant, thread("t-1", 2, T0.plusSeconds(5)), messages(5)));
      }
      for (Future<Integer> f : threads.invokeAll(syncs)) {
        stored += f.get();
      }
    } finally {
      threads.shutdown();
    }
    assertEquals(5, stored, "each message reported new exactly once");
    assertEquals(1, conversations.threads(tenant, 10).size());
    assertEquals(List.of("msg-1", "msg-2", "msg-3", "msg-4", "msg-5"), conversations.messages(tenant,
        Marketplace.VINTED, "t-1", 100).stream().map(ConversationMessage::externalId).toList());
  }

  @Test
  void a_second_sync_stores_only_what_is_new_and_keeps_the_latest_thread_state() {
    TenantId tenant = db.newTenant();
    List<ConversationGateway.SyncedThread> reply = new ArrayList<>();
    ConversationGateway vinted = new ConversationGateway() {
      @Override
      public Marketplace marketplace() {
        return Marketplace.VINTED;
      }

      @Override
      public List<SyncedThread> conversationsSince(TenantId account, Instant since) {
        return List.copyOf(reply);
      }
    };
    ConversationSyncService sync = new ConversationSyncService(List.of(vinted), conversations,
        db.injector.getInstance(io.crosslist.domain.connection.ConnectedTenantIndex.class), Clock.systemUTC());
    reply.add(new ConversationGateway.SyncedThread(thread("a", 1, T0.plusSeconds(3)), messages(3)));
    reply.add(new ConversationGateway.SyncedThread(thread("b", 0, T0.plusSeconds(1)), messages(1).stream()
        .map(m -> new ConversationMessage("b-" + m.externalId(), true, m.body(), m.sentAt())).toList()));
    assertEquals(new SyncSummary(2, 4), sync.sync(tenant, Marketplace.VINTED, T0));

    reply.set(0, new ConversationGateway.SyncedThread(thread("a", 2, T0.plusSeconds(4)), messages(4)));
    assertEquals(new SyncSummary(2, 1), sync.sync(tenant, Marketplace.VINTED, T0), "only msg-4 is new");
    List<ConversationThread> stored = conversations.threads(tenant, 10);
    assertEquals(List.of("a", "b"), stored.stream().map(ConversationThread::externalId).toList(), "newest first");
    assertEquals(2, stored.get(0).unreadCount());
    assertEquals(T0.plusSeconds(4), stored.get(0).lastMessageAt());
  }
}
