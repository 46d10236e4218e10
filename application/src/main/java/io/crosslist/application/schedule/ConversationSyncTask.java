package io.crosslist.application.schedule;

import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.application.connection.port.in.SyncConversationsUseCase.SyncOutcome;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Conversations sync: every tenant with a connected account on a marketplace that has a conversation gateway, found
 * through the connected-accounts index, has the new messages of each such marketplace fetched and stored
 * ({@link SyncConversationsUseCase#syncConnected}). A tenant whose sync failed on a marketplace is counted as failed
 * (its other marketplaces were synced).
 */
public final class ConversationSyncTask extends ConnectedTenantsTask {
  public static final String NAME = "conversations-sync";
  /** How often it runs by default: every 10 minutes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
  private final SyncConversationsUseCase sync;

  public ConversationSyncTask(ConnectedTenantIndex connected, SyncConversationsUseCase sync, int parallelism) {
    super(NAME, DEFAULT_INTERVAL, connected, parallelism);
    this.sync = Objects.requireNonNull(sync, "sync");
  }

  @Override
  public RunSummary run(TenantScope scope) {
    return sweepConnected(scope, sync.marketplaces(), this::syncTenant);
  }

  private long syncTenant(TenantId tenant) {
    Map<Marketplace, SyncOutcome> outcomes = sync.syncConnected(tenant);
    if (outcomes.isEmpty()) {
      return TenantSweep.SKIPPED;
    }
    String failures = outcomes.entrySet().stream().filter(e -> e.getValue().failure() != null)
        .map(e -> e.getKey() + ": " + e.getValue().failure()).collect(Collectors.joining("; "));
    if (!failures.isEmpty()) {
      throw new IllegalStateException("conversations sync failed on " + failures);
    }
    return outcomes.values().stream().mapToLong(o -> o.summary().newMessages()).sum();
  }
}
