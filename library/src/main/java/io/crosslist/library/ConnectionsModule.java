package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.DisconnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.GetConnectionsUseCase;
import io.crosslist.application.connection.port.in.GetProductListingsUseCase;
import io.crosslist.application.connection.port.in.KeepSessionsAliveUseCase;
import io.crosslist.application.connection.port.in.ListConversationsUseCase;
import io.crosslist.application.connection.port.in.ListOrdersUseCase;
import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.connection.port.in.RecordListingUseCase;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase;
import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.application.connection.service.ConnectedIndexRebuildService;
import io.crosslist.application.connection.service.ConversationSyncService;
import io.crosslist.application.connection.service.MarketplaceActivityService;
import io.crosslist.application.connection.service.MarketplaceConnectionService;
import io.crosslist.application.connection.service.OrderPollingService;
import io.crosslist.application.connection.service.RecordListingService;
import io.crosslist.application.connection.service.SecretResealService;
import io.crosslist.application.connection.service.SessionKeepAliveService;
import io.crosslist.application.connection.service.TokenRefreshService;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.marketplace.PollCursorRepository;
import java.time.Clock;

/**
 * Marketplace connections and what runs over them: tokens, web sessions, conversations, order polling, listings
 * and the activity read models; installed by {@link CrosslistModule} with its gateways.
 */
final class ConnectionsModule extends AbstractModule {
  private final Gateways gateways;
  private final RecurringTaskSettings recurring;

  ConnectionsModule(Gateways gateways, RecurringTaskSettings recurring) {
    this.gateways = gateways;
    this.recurring = recurring;
  }

  @Override
  protected void configure() {
    bind(ConnectMarketplaceUseCase.class).to(MarketplaceConnectionService.class);
    bind(DisconnectMarketplaceUseCase.class).to(MarketplaceConnectionService.class);
    bind(GetConnectionsUseCase.class).to(MarketplaceConnectionService.class);
    bind(GetProductListingsUseCase.class).to(MarketplaceActivityService.class);
    bind(ListConversationsUseCase.class).to(MarketplaceActivityService.class);
    bind(ListOrdersUseCase.class).to(MarketplaceActivityService.class);
    Services.bind(binder(), MarketplaceConnectionService.class);
    Services.bind(binder(), MarketplaceActivityService.class);
    Services.bind(binder(), ResealSecretsUseCase.class, SecretResealService.class);
    Services.bind(binder(), ReindexConnectionsUseCase.class, ConnectedIndexRebuildService.class);
    Services.bind(binder(), RecordListingUseCase.class, RecordListingService.class);
  }

  @Provides
  @Singleton
  RefreshTokensUseCase refreshTokens(MarketplaceConnectionRepository connections, JobJournal journal,
      UnitOfWork unitOfWork, Clock clock) {
    return new TokenRefreshService(connections, gateways.oauth().values(), journal, unitOfWork, clock);
  }

  @Provides
  @Singleton
  SyncConversationsUseCase syncConversations(ConversationRepository conversations, ConnectedTenantIndex connected,
      Clock clock) {
    return new ConversationSyncService(gateways.conversations().values(), conversations, connected, clock);
  }

  @Provides
  @Singleton
  KeepSessionsAliveUseCase keepSessionsAlive(MarketplaceConnectionRepository connections, JobJournal journal,
      UnitOfWork unitOfWork, Clock clock) {
    return new SessionKeepAliveService(connections, gateways.keepAlive().values(), journal, unitOfWork, clock);
  }

  @Provides
  @Singleton
  PollOrdersUseCase pollOrders(MarketplaceGateways marketplaces, PollCursorRepository cursors, OrderRepository orders,
      JobEnqueueService enqueue, Clock clock) {
    return new OrderPollingService(marketplaces, cursors, orders, enqueue, clock, recurring.firstPollLookback());
  }
}
