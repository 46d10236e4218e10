package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulatedSessionKeepAlive;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.marketplace.ai.OfflineListingSuggester;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.application.schedule.TenantTask;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.suggestion.ListingSuggester;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Crosslist's public Guice module: binds every in-port to its application service, built with {@code new} from
 * the out-ports that {@link io.crosslist.adapter.persistence.PersistenceModule} exposes. Install both:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new PersistenceModule(settings), new CrosslistModule());
 * }</pre>
 *
 * <p>The gateways to the marketplaces are bound per marketplace with {@link #builder()}; this no-arg module
 * simulates them all. When the injector is created, the log says which are real and which simulated.
 *
 * <p>It installs one module per concern: products, jobs, connections, recurring tasks, tenants (fleet and
 * archives), listing suggestions (offline unless the builder binds a {@code ListingSuggester}). The HTTP API is optional: {@code io.crosslist.adapter.http.CrosslistHttpModule} in
 * {@code crosslist-adapter-http}.
 *
 * <p><b>Host recurring tasks.</b> A host adds its own per-tenant task to the set of {@link TenantTask}s, from any
 * module of the injector, with {@code @ProvidesIntoSet} (or {@code Multibinder.newSetBinder(binder(),
 * TenantTask.class)}). It then runs like the built-in tasks: ticks once across the cluster, the tenant sweep,
 * metrics, {@link ScheduleSettings#defaults(String, io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase)}
 * and the in-ports to run it now and list it. A name already taken (a built-in one, or another host task's) stops
 * the injector's creation with an error naming it.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new PersistenceModule(settings), new CrosslistModule(),
 *     new AbstractModule() {
 *       @ProvidesIntoSet
 *       TenantTask loyaltyRecount(LoyaltyPoints points) {
 *         return TenantTask.of("loyalty-recount", Duration.ofHours(1), tenant -> points.recount(tenant));
 *       }
 *     });
 * }</pre>
 */
public final class CrosslistModule extends AbstractModule {
  private final Gateways gateways;
  private final ListingSuggester suggester;
  private RecurringTaskSettings recurring = RecurringTaskSettings.DEFAULTS;

  /** With simulated gateways only (marketplaces instant and never failing): for demos and tests. */
  public CrosslistModule() {
    this(builder().gateways());
  }

  CrosslistModule(Gateways gateways) {
    this(gateways, new OfflineListingSuggester());
  }

  CrosslistModule(Gateways gateways, ListingSuggester suggester) {
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.suggester = Objects.requireNonNull(suggester, "suggester");
  }

  /**
   * Binds the host's gateways per marketplace; what it leaves unbound is simulated (see
   * {@link CrosslistModuleBuilder}).
   */
  public static CrosslistModuleBuilder builder() {
    return new CrosslistModuleBuilder();
  }

  /**
   * With exactly these marketplace gateways and no OAuth token endpoint (token refreshes then fail, logged).
   *
   * @deprecated binds nothing simulated where the host binds nothing; use {@link #builder()}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public CrosslistModule(MarketplaceGateways gateways) {
    this(gateways, List.of());
  }

  /**
   * With exactly these marketplace gateways and OAuth token endpoints.
   *
   * @deprecated binds nothing simulated where the host binds nothing; use {@link #builder()}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways) {
    this(gateways, oauthGateways, List.of());
  }

  /**
   * With exactly these marketplace gateways, OAuth token endpoints and messaging APIs, and the simulated Vinted
   * keep-alive.
   *
   * @deprecated binds nothing simulated where the host binds nothing; use {@link #builder()}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways,
      List<ConversationGateway> conversationGateways) {
    this(gateways, oauthGateways, conversationGateways, List.of(new SimulatedSessionKeepAlive()));
  }

  /**
   * With exactly these gateways.
   *
   * @deprecated binds nothing simulated where the host binds nothing; use {@link #builder()}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways,
      List<ConversationGateway> conversationGateways, List<SessionKeepAliveGateway> keepAliveGateways) {
    this(Gateways.exactly(Objects.requireNonNull(gateways, "gateways").all(), oauthGateways, conversationGateways,
        keepAliveGateways));
  }

  /**
   * A simulated gateway for every built-in marketplace, all behaving as {@code settings} says.
   *
   * @deprecated use {@code builder().simulations(settings)}, which simulates what the host leaves unbound
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static MarketplaceGateways simulatedMarketplaces(SimulationSettings settings) {
    return new MarketplaceGateways(Gateways.BUILT_IN.stream()
        .map(m -> new SimulatedMarketplaceGateway(m, settings)).toList());
  }

  /** The recurring tasks' parameters (default {@link RecurringTaskSettings#DEFAULTS}); returns this module. */
  public CrosslistModule withRecurringTasks(RecurringTaskSettings settings) {
    this.recurring = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** The gateways this module binds. */
  Gateways gateways() {
    return gateways;
  }

  /**
   * Where a host registers its own job handlers, each serving a new (marketplace, action) pair beside the ones
   * Crosslist ships; a second handler for a served pair fails at start. In the host's own module:
   *
   * <pre>{@code
   * CrosslistModule.jobHandlers(binder()).addBinding().to(RepriceOnDepop.class);
   * }</pre>
   */
  public static com.google.inject.multibindings.Multibinder<io.crosslist.domain.job.JobHandler> jobHandlers(
      com.google.inject.Binder binder) {
    return com.google.inject.multibindings.Multibinder.newSetBinder(binder, io.crosslist.domain.job.JobHandler.class);
  }

  @Override
  protected void configure() {
    install(new ProductModule());
    bind(Gateways.class).toInstance(gateways);
    requestInjection(gateways.simulatedListings()); // the simulated marketplaces keep their listings in the database
    bind(GatewayStartLog.class).asEagerSingleton();
    install(new JobsModule(gateways.marketplaceGateways()));
    install(new ConnectionsModule(gateways, recurring));
    install(new RecurringTasksModule(recurring));
    install(new TenantFleetModule());
    install(new TenantArchiveModule());
    install(new ImportsModule());
    install(new SuggestionsModule(suggester, List.copyOf(gateways.marketplaces().keys())));
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
