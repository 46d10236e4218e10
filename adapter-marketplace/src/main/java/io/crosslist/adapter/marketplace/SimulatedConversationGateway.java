package io.crosslist.adapter.marketplace;

import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.conversation.ConversationMessage;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A simulated marketplace messaging API, for demos and tests: every account has {@value #THREADS} threads with a
 * buyer, each of which gets a message at every full hour (buyer and reseller in turn). A sync returns the messages
 * of the last {@value #HOURS} full hours that are at or after the time asked for, so syncing twice within an hour
 * stores nothing new and each new hour brings one message per thread. It calls nothing.
 */
public final class SimulatedConversationGateway implements ConversationGateway, SimulatedGateway {
  /** Threads per account. */
  public static final int THREADS = 2;
  /** Full hours of messages a sync looks back at most. */
  public static final int HOURS = 3;
  private final Marketplace marketplace;
  private final Clock clock;

  public SimulatedConversationGateway(Marketplace marketplace, Clock clock) {
    this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Marketplace marketplace() {
    return marketplace;
  }

  @Override
  public List<SyncedThread> conversationsSince(TenantId account, Instant since) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(since, "since");
    Instant lastHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    String prefix = marketplace.name().toLowerCase(Locale.ROOT);
    List<SyncedThread> threads = new ArrayList<>();
    for (int t = 1; t <= THREADS; t++) {
      String threadId = prefix + "-thread-" + account.value() + "-" + t;
      List<ConversationMessage> messages = new ArrayList<>();
      int unread = 0;
      for (int h = HOURS - 1; h >= 0; h--) {
        Instant at = lastHour.minus(Duration.ofHours(h));
        if (at.isBefore(since)) {
          continue;
        }
        long hour = at.getEpochSecond() / 3600;
        boolean inbound = (hour + t) % 2 == 0;
        unread += inbound ? 1 : 0;
        messages.add(new ConversationMessage(threadId + "-" + hour, inbound, inbound
            ? "Hi! Is item " + t + " still available? (simulated, " + at + ")"
            : "Yes, it is. (simulated, " + at + ")", at));
      }
      if (!messages.isEmpty()) {
        threads.add(new SyncedThread(new ConversationThread(marketplace, threadId, "Simulated buyer " + t,
            prefix + "-listing-" + t, unread, messages.get(messages.size() - 1).sentAt()), messages));
      }
    }
    return threads;
  }
}
