package io.crosslist.library;

import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.marketplace.ai.OfflineListingSuggester;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.suggestion.ListingSuggester;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link CrosslistModule} with the host's gateways, bound per marketplace: each gateway says its marketplace
 * ({@code marketplace()}), and binding two of one kind for one marketplace is refused at {@link #build()}, naming
 * both.
 *
 * <pre>{@code
 * CrosslistModule crosslist = CrosslistModule.builder()
 *     .marketplace(new AcmeEbayGateway(http))     // eBay listings, catalogue, orders
 *     .oauth(new AcmeEbayOAuth(http))             // eBay's token endpoint
 *     .conversations(new AcmeEbayMessages(http))  // eBay's messaging API
 *     .build();
 * Injector injector = Guice.createInjector(new PersistenceModule(settings), crosslist);
 * }</pre>
 *
 * <p>Where nothing is bound, a simulated gateway answers, for the built-in marketplaces only: a
 * {@code SimulatedMarketplaceGateway} for Vinted, eBay and Etsy (behaving as {@link #simulations} says), a
 * {@code SimulatedOAuthGateway} for eBay and Etsy, a {@code SimulatedConversationGateway} for Vinted, eBay and Etsy, a
 * {@code SimulatedSessionKeepAlive} for Vinted. In the example, Vinted and Etsy listings, Etsy tokens, Vinted and
 * Etsy messages and Vinted keep-alives are therefore simulated. {@link #withoutSimulations()} leaves them unbound instead: jobs for a marketplace without a gateway are
 * refused at enqueue, its tokens are not refreshed (logged) and its sessions not kept alive.
 *
 * <p>When the injector is created, one INFO line of the logger {@code io.crosslist.library.CrosslistModule} says per
 * kind which marketplaces are real and which simulated, followed by a WARN when simulated gateways answer beside real
 * ones.
 */
public final class CrosslistModuleBuilder {
  private final List<MarketplaceGateway> marketplaces = new ArrayList<>();
  private final List<OAuthGateway> oauth = new ArrayList<>();
  private final List<ConversationGateway> conversations = new ArrayList<>();
  private final List<SessionKeepAliveGateway> keepAlive = new ArrayList<>();
  private SimulationSettings simulations;
  private boolean simulateUnbound = true;
  private ListingSuggester suggester = new OfflineListingSuggester();

  CrosslistModuleBuilder() {}

  /** Binds a marketplace's API (listings, catalogue, enrichment, orders) for the marketplace it says. */
  public CrosslistModuleBuilder marketplace(MarketplaceGateway gateway) {
    marketplaces.add(Objects.requireNonNull(gateway, "gateway"));
    return this;
  }

  /** Binds a marketplace's OAuth token endpoint (token refresh-ahead) for the marketplace it says. */
  public CrosslistModuleBuilder oauth(OAuthGateway gateway) {
    oauth.add(Objects.requireNonNull(gateway, "gateway"));
    return this;
  }

  /** Binds a marketplace's messaging API (conversation sync) for the marketplace it says. */
  public CrosslistModuleBuilder conversations(ConversationGateway gateway) {
    conversations.add(Objects.requireNonNull(gateway, "gateway"));
    return this;
  }

  /** Binds a marketplace's web-session keep-alive for the marketplace it says. */
  public CrosslistModuleBuilder keepAlive(SessionKeepAliveGateway gateway) {
    keepAlive.add(Objects.requireNonNull(gateway, "gateway"));
    return this;
  }

  /**
   * Binds the listing suggester (default: {@code OfflineListingSuggester}, which composes suggestions from a
   * product's own attributes with no network), for example a language model over the chat-completions protocol:
   *
   * <pre>{@code
   * CrosslistModule.builder().suggester(new ChatCompletionsSuggester(AiSettings.of(
   *     URI.create("https://api.openai.com/v1"), "gpt-4o-mini", Secret.of("apiKey", System.getenv("OPENAI_API_KEY")))))
   * }</pre>
   */
  public CrosslistModuleBuilder suggester(ListingSuggester listingSuggester) {
    this.suggester = Objects.requireNonNull(listingSuggester, "suggester");
    return this;
  }

  /** How the simulated marketplace gateways behave (default {@link SimulationSettings#INSTANT}). */
  public CrosslistModuleBuilder simulations(SimulationSettings settings) {
    this.simulations = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** Simulates nothing: a kind and marketplace with nothing bound has no gateway. */
  public CrosslistModuleBuilder withoutSimulations() {
    this.simulateUnbound = false;
    return this;
  }

  /**
   * The module, with the bound gateways and, where nothing is bound, the simulated ones.
   *
   * @throws IllegalArgumentException when two gateways of one kind are bound for one marketplace (naming the kind,
   *     the marketplace and both classes), or when both {@link #simulations} and {@link #withoutSimulations()} were
   *     called
   */
  public CrosslistModule build() {
    return new CrosslistModule(gateways(), suggester);
  }

  Gateways gateways() {
    if (!simulateUnbound) {
      if (simulations != null) {
        throw new IllegalArgumentException(
            "simulations: settings for simulated gateways make no sense with withoutSimulations(); call one of them");
      }
      return Gateways.exactly(marketplaces, oauth, conversations, keepAlive);
    }
    return Gateways.withSimulatedDefaults(marketplaces, oauth, conversations, keepAlive,
        simulations != null ? simulations : SimulationSettings.INSTANT, Clock.systemUTC());
  }
}
