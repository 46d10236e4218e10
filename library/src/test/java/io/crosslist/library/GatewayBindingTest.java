package io.crosslist.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.marketplace.SimulatedConversationGateway;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulatedOAuthGateway;
import io.crosslist.adapter.marketplace.SimulatedSessionKeepAlive;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.GatewaysExample.AcmeEbayGateway;
import io.crosslist.library.GatewaysExample.AcmeEbayOAuth;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binding gateways per marketplace with {@link CrosslistModule#builder()}, and what the start log says; the host's
 * gateways are those of the embedding guide's example ({@link GatewaysExample}).
 */
class GatewayBindingTest {

  /** What the example's gateways are built with (nothing here calls them). */
  private static final HttpClient HTTP = HttpClient.newBuilder().build();

  /** A second eBay client, to be refused beside the first. */
  static final class OtherEbayGateway extends AcmeEbayGateway {
    OtherEbayGateway() {
      super(HTTP);
    }
  }

  /** A host's messages client (the Gateways section binds none). */
  record AcmeMessages(Marketplace marketplace) implements ConversationGateway {
    @Override
    public List<SyncedThread> conversationsSince(TenantId account, Instant since) {
      return List.of();
    }
  }

  @Test
  void nothing_bound_simulates_what_crosslist_always_simulated() {
    Gateways gateways = CrosslistModule.builder().gateways();

    assertEquals(List.of(Marketplace.VINTED, Marketplace.EBAY, Marketplace.ETSY),
        List.copyOf(gateways.marketplaces().keys()));
    gateways.marketplaces().values().forEach(g -> assertInstanceOf(SimulatedMarketplaceGateway.class, g));
    assertEquals(List.of(Marketplace.EBAY, Marketplace.ETSY), List.copyOf(gateways.oauth().keys()));
    gateways.oauth().values().forEach(g -> assertInstanceOf(SimulatedOAuthGateway.class, g));
    assertEquals(List.of(Marketplace.VINTED, Marketplace.EBAY, Marketplace.ETSY),
        List.copyOf(gateways.conversations().keys()));
    gateways.conversations().values().forEach(g -> assertInstanceOf(SimulatedConversationGateway.class, g));
    assertEquals(List.of(Marketplace.VINTED), List.copyOf(gateways.keepAlive().keys()));
    assertInstanceOf(SimulatedSessionKeepAlive.class, gateways.keepAlive().values().get(0));
    assertEquals("gateways: marketplace VINTED=simulated EBAY=simulated ETSY=simulated; oauth EBAY=simulated "
        + "ETSY=simulated; conversations VINTED=simulated EBAY=simulated ETSY=simulated; keep-alive VINTED=simulated",
        GatewayStartLog.line(gateways));
    assertEquals("", GatewayStartLog.simulatedBesideReal(gateways), "only simulations: a demo, no warning");
  }

  @Test
  void a_bound_gateway_replaces_the_simulated_one_for_its_marketplace_only() {
    AcmeEbayGateway ebay = new AcmeEbayGateway(HTTP);
    AcmeEbayOAuth ebayTokens = new AcmeEbayOAuth(HTTP);
    AcmeMessages ebayMessages = new AcmeMessages(Marketplace.EBAY);
    Gateways gateways = CrosslistModule.builder().marketplace(ebay).oauth(ebayTokens).conversations(ebayMessages)
        .build().gateways();

    assertSame(ebay, gateways.marketplaces().find(Marketplace.EBAY).orElseThrow());
    assertSame(ebay, gateways.marketplaceGateways().find(Marketplace.EBAY).orElseThrow());
    assertInstanceOf(SimulatedMarketplaceGateway.class, gateways.marketplaces().find(Marketplace.VINTED).orElseThrow());
    assertInstanceOf(SimulatedMarketplaceGateway.class, gateways.marketplaces().find(Marketplace.ETSY).orElseThrow());
    assertSame(ebayTokens, gateways.oauth().find(Marketplace.EBAY).orElseThrow());
    assertInstanceOf(SimulatedOAuthGateway.class, gateways.oauth().find(Marketplace.ETSY).orElseThrow());
    assertSame(ebayMessages, gateways.conversations().find(Marketplace.EBAY).orElseThrow());
    assertInstanceOf(SimulatedConversationGateway.class, gateways.conversations().find(Marketplace.VINTED)
        .orElseThrow());
    assertEquals("gateways: marketplace VINTED=simulated EBAY=real(AcmeEbayGateway) ETSY=simulated; oauth "
        + "EBAY=real(AcmeEbayOAuth) ETSY=simulated; conversations VINTED=simulated EBAY=real(AcmeMessages) ETSY=simulated;"
        + " keep-alive VINTED=simulated", GatewayStartLog.line(gateways));
    assertEquals("marketplace VINTED, ETSY; oauth ETSY; conversations VINTED, ETSY; keep-alive VINTED",
        GatewayStartLog.simulatedBesideReal(gateways));
  }

  @Test
  void a_simulated_gateway_bound_on_purpose_is_still_named_simulated() {
    Gateways gateways = CrosslistModule.builder()
        .marketplace(new SimulatedMarketplaceGateway(Marketplace.VINTED, SimulationSettings.INSTANT))
        .keepAlive(new SimulatedSessionKeepAlive()).gateways();
    assertTrue(GatewayStartLog.line(gateways).contains("marketplace VINTED=simulated "), GatewayStartLog.line(gateways));
    assertEquals("", GatewayStartLog.simulatedBesideReal(gateways));
  }

  @Test
  void two_gateways_of_one_kind_for_one_marketplace_are_refused_naming_both() {
    IllegalArgumentException marketplaces = assertThrows(IllegalArgumentException.class, () -> CrosslistModule
        .builder().marketplace(new AcmeEbayGateway(HTTP)).marketplace(new OtherEbayGateway()).build());
    assertEquals("two marketplace gateways for EBAY: " + AcmeEbayGateway.class.getName() + " and "
        + OtherEbayGateway.class.getName(), marketplaces.getMessage());

    IllegalArgumentException oauth = assertThrows(IllegalArgumentException.class, () -> CrosslistModule.builder()
        .oauth(new AcmeEbayOAuth(HTTP)).oauth(new SimulatedOAuthGateway(Marketplace.EBAY, Clock.systemUTC()))
        .build());
    assertEquals("two OAuth gateways for EBAY: " + AcmeEbayOAuth.class.getName() + " and "
        + SimulatedOAuthGateway.class.getName(), oauth.getMessage());

    IllegalArgumentException messages = assertThrows(IllegalArgumentException.class, () -> CrosslistModule.builder()
        .conversations(new AcmeMessages(Marketplace.VINTED)).conversations(new AcmeMessages(Marketplace.VINTED))
        .withoutSimulations().build());
    assertTrue(messages.getMessage().startsWith("two conversation gateways for VINTED: "), messages.getMessage());

    IllegalArgumentException sessions = assertThrows(IllegalArgumentException.class, () -> CrosslistModule.builder()
        .keepAlive(new SimulatedSessionKeepAlive()).keepAlive(new SimulatedSessionKeepAlive()).build());
    assertTrue(sessions.getMessage().startsWith("two keep-alive gateways for VINTED: "), sessions.getMessage());
  }

  @Test
  void without_simulations_only_what_is_bound_is_there() {
    AcmeEbayGateway ebay = new AcmeEbayGateway(HTTP);
    Gateways gateways = CrosslistModule.builder().marketplace(ebay).withoutSimulations().gateways();

    assertEquals(List.of(ebay), gateways.marketplaces().values());
    assertEquals(0, gateways.oauth().size());
    assertEquals(0, gateways.keepAlive().size());
    assertEquals("gateways: marketplace EBAY=real(AcmeEbayGateway); oauth none; conversations none; keep-alive none",
        GatewayStartLog.line(gateways));
    assertEquals("", GatewayStartLog.simulatedBesideReal(gateways));
  }

  @Test
  void the_simulations_follow_their_settings_and_contradicting_settings_are_refused() {
    Gateways gateways = CrosslistModule.builder()
        .simulations(SimulationSettings.INSTANT.withCatalogueSize(5)).gateways();
    MarketplaceGateway ebay = gateways.marketplaces().find(Marketplace.EBAY).orElseThrow();
    assertEquals(5, ebay.catalogue(TenantId.of(1), 1, 50).total());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrosslistModule.builder()
        .simulations(SimulationSettings.INSTANT.withLatency(Duration.ofMillis(5))).withoutSimulations().build());
    assertTrue(e.getMessage().startsWith("simulations: "), e.getMessage());
  }
}
