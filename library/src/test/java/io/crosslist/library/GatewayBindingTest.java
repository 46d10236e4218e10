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
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.conversation.ConversationGateway;
import io.crosslist.domain.marketplace.CataloguePage;
import io.crosslist.domain.marketplace.ExternalListing;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.ProductEnrichment;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding gateways per marketplace with {@link CrosslistModule#builder()}, and what the start log says. */
class GatewayBindingTest {

  /** A real marketplace client as a host writes one (here answering nothing). */
  static class AcmeGateway implements MarketplaceGateway {
    private final Marketplace marketplace;

    AcmeGateway(Marketplace marketplace) {
      this.marketplace = marketplace;
    }

    @Override
    public Marketplace marketplace() {
      return marketplace;
    }

    @Override
    public ExternalListing createListing(TenantId account, String idempotencyKey, Product product) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void updateListing(TenantId account, String externalId, Product product) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void deleteListing(TenantId account, String externalId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CataloguePage catalogue(TenantId account, int page, int pageSize) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ProductEnrichment enrich(TenantId account, Product product) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<MarketplaceOrder> ordersSince(TenantId account, Instant since) {
      throw new UnsupportedOperationException();
    }
  }

  static final class OtherEbayGateway extends AcmeGateway {
    OtherEbayGateway() {
      super(Marketplace.EBAY);
    }
  }

  record AcmeOAuth(Marketplace marketplace) implements OAuthGateway {
    @Override
    public OAuthTokens refresh(TenantId account, String externalAccountId, Secret refreshToken) {
      throw new UnsupportedOperationException();
    }
  }

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
    AcmeGateway ebay = new AcmeGateway(Marketplace.EBAY);
    AcmeOAuth ebayTokens = new AcmeOAuth(Marketplace.EBAY);
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
    assertEquals("gateways: marketplace VINTED=simulated EBAY=real(AcmeGateway) ETSY=simulated; oauth "
        + "EBAY=real(AcmeOAuth) ETSY=simulated; conversations VINTED=simulated EBAY=real(AcmeMessages) ETSY=simulated;"
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
        .builder().marketplace(new AcmeGateway(Marketplace.EBAY)).marketplace(new OtherEbayGateway()).build());
    assertEquals("two marketplace gateways for EBAY: " + AcmeGateway.class.getName() + " and "
        + OtherEbayGateway.class.getName(), marketplaces.getMessage());

    IllegalArgumentException oauth = assertThrows(IllegalArgumentException.class, () -> CrosslistModule.builder()
        .oauth(new AcmeOAuth(Marketplace.ETSY)).oauth(new SimulatedOAuthGateway(Marketplace.ETSY, Clock.systemUTC()))
        .build());
    assertEquals("two OAuth gateways for ETSY: " + AcmeOAuth.class.getName() + " and "
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
    AcmeGateway ebay = new AcmeGateway(Marketplace.EBAY);
    Gateways gateways = CrosslistModule.builder().marketplace(ebay).withoutSimulations().gateways();

    assertEquals(List.of(ebay), gateways.marketplaces().values());
    assertEquals(0, gateways.oauth().size());
    assertEquals(0, gateways.keepAlive().size());
    assertEquals("gateways: marketplace EBAY=real(AcmeGateway); oauth none; conversations none; keep-alive none",
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
