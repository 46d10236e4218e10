package io.crosslist.library;

import io.crosslist.adapter.marketplace.SimulatedConversationGateway;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulatedOAuthGateway;
import io.crosslist.adapter.marketplace.SimulatedSessionKeepAlive;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.domain.UniqueIndex;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The gateways a {@link CrosslistModule} binds, one per kind and marketplace (a second one is refused, naming both):
 * marketplace APIs, OAuth token endpoints, messaging APIs and web-session keep-alives.
 */
record Gateways(UniqueIndex<Marketplace, MarketplaceGateway> marketplaces,
    UniqueIndex<Marketplace, OAuthGateway> oauth, UniqueIndex<Marketplace, ConversationGateway> conversations,
    UniqueIndex<Marketplace, SessionKeepAliveGateway> keepAlive, SimulatedListingsBinding simulatedListings) {
  /** The built-in marketplaces, in the order the simulated defaults come in. */
  static final List<Marketplace> BUILT_IN = Marketplace.BUILT_IN;
  /** The marketplaces a simulated OAuth token endpoint stands in for when none is bound (Vinted has no OAuth). */
  static final List<Marketplace> OAUTH_MARKETPLACES = List.of(Marketplace.EBAY, Marketplace.ETSY);
  /** The marketplaces a simulated keep-alive stands in for when none is bound (only Vinted has web sessions). */
  static final List<Marketplace> SESSION_MARKETPLACES = List.of(Marketplace.VINTED);
  static final Kind<MarketplaceGateway> MARKETPLACE =
      new Kind<>("marketplace gateways", MarketplaceGateway::marketplace);
  static final Kind<OAuthGateway> OAUTH = new Kind<>("OAuth gateways", OAuthGateway::marketplace);
  static final Kind<ConversationGateway> CONVERSATIONS =
      new Kind<>("conversation gateways", ConversationGateway::marketplace);
  static final Kind<SessionKeepAliveGateway> KEEP_ALIVE =
      new Kind<>("keep-alive gateways", SessionKeepAliveGateway::marketplace);

  /**
   * A kind of gateway, indexed by the marketplace it says, a second one for a marketplace refused.
   *
   * @param what the kind, plural, as the refusal names it
   */
  record Kind<G>(String what, Function<? super G, Marketplace> marketplace) {
    UniqueIndex<Marketplace, G> index(List<? extends G> gateways) {
      return UniqueIndex.of(what, gateways, marketplace);
    }
  }

  Gateways {
    Objects.requireNonNull(marketplaces, "marketplaces");
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(simulatedListings, "simulatedListings");
  }

  /**
   * Exactly the gateways given, nothing simulated added.
   *
   * @throws IllegalArgumentException when two of one kind are for one marketplace, naming both
   */
  static Gateways exactly(List<? extends MarketplaceGateway> marketplaces, List<? extends OAuthGateway> oauth,
      List<? extends ConversationGateway> conversations, List<? extends SessionKeepAliveGateway> keepAlive) {
    return new Gateways(MARKETPLACE.index(marketplaces), OAUTH.index(oauth), CONVERSATIONS.index(conversations),
        KEEP_ALIVE.index(keepAlive), new SimulatedListingsBinding());
  }

  /**
   * The bound gateways, and a simulated one for each kind and built-in marketplace where nothing is bound: a
   * marketplace gateway ({@code simulations} says how it behaves) for Vinted, eBay and Etsy, an OAuth token endpoint
   * for eBay and Etsy, a messaging API for Vinted, eBay and Etsy, a keep-alive for Vinted.
   *
   * @throws IllegalArgumentException when two bound gateways of one kind are for one marketplace, naming both
   */
  static Gateways withSimulatedDefaults(List<? extends MarketplaceGateway> marketplaces,
      List<? extends OAuthGateway> oauth, List<? extends ConversationGateway> conversations,
      List<? extends SessionKeepAliveGateway> keepAlive, SimulationSettings simulations, Clock clock) {
    Objects.requireNonNull(simulations, "simulations");
    Objects.requireNonNull(clock, "clock");
    SimulatedListingsBinding listings = new SimulatedListingsBinding(); // in the database once the injector exists
    Gateways gateways = exactly(
        orSimulated(MARKETPLACE, marketplaces, BUILT_IN,
            m -> new SimulatedMarketplaceGateway(m, simulations, listings)),
        orSimulated(OAUTH, oauth, OAUTH_MARKETPLACES, m -> new SimulatedOAuthGateway(m, clock)),
        orSimulated(CONVERSATIONS, conversations, BUILT_IN, m -> new SimulatedConversationGateway(m, clock)),
        orSimulated(KEEP_ALIVE, keepAlive, SESSION_MARKETPLACES, m -> new SimulatedSessionKeepAlive()));
    return new Gateways(gateways.marketplaces(), gateways.oauth(), gateways.conversations(), gateways.keepAlive(),
        listings);
  }

  /** For each of {@code simulatedFor}, the bound gateway or else a simulated one; then the other bound ones. */
  private static <G> List<G> orSimulated(Kind<G> kind, List<? extends G> bound, List<Marketplace> simulatedFor,
      Function<Marketplace, ? extends G> simulated) {
    UniqueIndex<Marketplace, G> byMarketplace = kind.index(bound);
    List<G> gateways = new ArrayList<>();
    for (Marketplace marketplace : simulatedFor) {
      gateways.add(byMarketplace.find(marketplace).orElseGet(() -> simulated.apply(marketplace)));
    }
    byMarketplace.keys().stream().filter(m -> !simulatedFor.contains(m))
        .forEach(m -> gateways.add(byMarketplace.find(m).orElseThrow()));
    return gateways;
  }

  /** The marketplace gateways, as the job handlers and order polling take them. */
  MarketplaceGateways marketplaceGateways() {
    return new MarketplaceGateways(marketplaces.values());
  }
}
