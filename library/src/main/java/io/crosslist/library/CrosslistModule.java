package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulatedOAuthGateway;
import io.crosslist.adapter.marketplace.SimulatedSessionKeepAlive;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.application.schedule.TenantTask;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Clock;
import java.util.Arrays;
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
 * <p>It installs one module per concern: products, jobs, connections, recurring tasks, tenants (fleet and
 * archives). The HTTP API is optional: {@code io.crosslist.adapter.http.CrosslistHttpModule} in
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
  private RecurringTaskSettings recurring = RecurringTaskSettings.DEFAULTS;

  /** With the simulated marketplaces (instant, never failing) and token endpoints: for demos and tests. */
  public CrosslistModule() {
    this(simulatedMarketplaces(SimulationSettings.INSTANT), List.of(
        new SimulatedOAuthGateway(Marketplace.EBAY, Clock.systemUTC()),
        new SimulatedOAuthGateway(Marketplace.ETSY, Clock.systemUTC())));
  }

  /** With the host's marketplace gateways and no OAuth token endpoint (token refreshes then fail, logged). */
  public CrosslistModule(MarketplaceGateways gateways) {
    this(gateways, List.of());
  }

  /** With the host's marketplace gateways and OAuth token endpoints (eBay, Etsy). */
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways) {
    this(gateways, oauthGateways, List.of());
  }

  /** With the host's marketplace gateways, OAuth token endpoints and messaging APIs. */
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways,
      List<ConversationGateway> conversationGateways) {
    this(gateways, oauthGateways, conversationGateways, List.of(new SimulatedSessionKeepAlive()));
  }

  /** Also the web-session keep-alives (default: the simulated Vinted one). */
  public CrosslistModule(MarketplaceGateways gateways, List<OAuthGateway> oauthGateways,
      List<ConversationGateway> conversationGateways, List<SessionKeepAliveGateway> keepAliveGateways) {
    this.gateways = new Gateways(gateways, oauthGateways, conversationGateways, keepAliveGateways);
  }

  /** A simulated gateway for every marketplace, all behaving as {@code settings} says. */
  public static MarketplaceGateways simulatedMarketplaces(SimulationSettings settings) {
    return new MarketplaceGateways(Arrays.stream(Marketplace.values())
        .map(m -> new SimulatedMarketplaceGateway(m, settings)).toList());
  }

  /** The recurring tasks' parameters (default {@link RecurringTaskSettings#DEFAULTS}); returns this module. */
  public CrosslistModule withRecurringTasks(RecurringTaskSettings settings) {
    this.recurring = Objects.requireNonNull(settings, "settings");
    return this;
  }

  @Override
  protected void configure() {
    install(new ProductModule());
    install(new JobsModule(gateways.marketplaces()));
    install(new ConnectionsModule(gateways, recurring));
    install(new RecurringTasksModule(recurring));
    install(new TenantFleetModule());
    install(new TenantArchiveModule());
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
