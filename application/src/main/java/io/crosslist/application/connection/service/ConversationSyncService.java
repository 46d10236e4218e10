package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.domain.UniqueIndex;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.conversation.ConversationGateway.SyncedThread;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Syncs conversations through each marketplace's {@link ConversationGateway}; each thread is stored in its own transaction. */
public final class ConversationSyncService implements SyncConversationsUseCase {
  private final UniqueIndex<Marketplace, ConversationGateway> gateways;
  private final ConversationRepository conversations;
  private final ConnectedTenantIndex connected;
  private final Clock clock;

  /** @throws IllegalArgumentException when two gateways are for one marketplace, naming both */
  public ConversationSyncService(List<ConversationGateway> gateways, ConversationRepository conversations,
      ConnectedTenantIndex connected, Clock clock) {
    this.gateways = UniqueIndex.of("conversation gateways", gateways, ConversationGateway::marketplace);
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.connected = Objects.requireNonNull(connected, "connected");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Set<Marketplace> marketplaces() {
    return new TreeSet<>(gateways.keys());
  }

  @Override
  public SyncSummary syncNew(TenantId tenant, Marketplace marketplace) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(marketplace, "marketplace");
    Instant since = conversations.newestMessageAt(tenant, marketplace)
        .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.MICROS).minus(FIRST_LOOKBACK));
    return sync(tenant, marketplace, since);
  }

  @Override
  public Map<Marketplace, SyncOutcome> syncConnected(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    // the connected-accounts index, one key lookup per marketplace: no secret is read
    TenantId before = tenant.value() == 1 ? null : TenantId.of(tenant.value() - 1);
    Map<Marketplace, SyncOutcome> outcomes = new LinkedHashMap<>();
    for (Marketplace marketplace : marketplaces()) {
      if (!connected.tenantsConnectedTo(marketplace, before, 1).contains(tenant)) {
        continue;
      }
      try {
        outcomes.put(marketplace, new SyncOutcome(syncNew(tenant, marketplace), null));
      } catch (MarketplaceException e) {
        outcomes.put(marketplace, new SyncOutcome(null, e.getMessage()));
      }
    }
    return outcomes;
  }

  @Override
  public SyncSummary sync(TenantId tenant, Marketplace marketplace, Instant since) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(since, "since");
    ConversationGateway gateway = gateways.find(Objects.requireNonNull(marketplace, "marketplace")).orElse(null);
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
