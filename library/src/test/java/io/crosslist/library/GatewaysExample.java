package io.crosslist.library;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.UnsupportedGateway;
import io.crosslist.domain.tenant.TenantId;
import java.net.http.HttpClient;

/**
 * The code of {@code docs/embedding.md}'s "Gateways" section, compiled here: each region between {@code tag::} and
 * {@code end::} comments is a code block of the section ({@link EmbeddingDocTest} keeps them equal). Its gateways
 * are also the host's in {@link GatewayBindingTest}.
 */
final class GatewaysExample {
  private GatewaysExample() {}

  // tag::port[]
  /** eBay's OAuth token endpoint, as a host writes it over its own HTTP client. */
  static final class AcmeEbayOAuth implements OAuthGateway {
    private final HttpClient http;

    AcmeEbayOAuth(HttpClient http) {
      this.http = http;
    }

    @Override
    public Marketplace marketplace() {
      return Marketplace.EBAY; // the marketplace it is bound for
    }

    @Override
    public OAuthTokens refresh(TenantId account, String externalAccountId, Secret refreshToken) {
      // POST https://api.ebay.com/identity/v1/oauth2/token with http; a refused grant is not retryable
      throw new MarketplaceException(Marketplace.EBAY, false, "invalid_grant");
    }
  }
  // end::port[]

  static Injector wire(PersistenceSettings settings, HttpClient http) {
    // tag::binding[]
    CrosslistModule crosslist = CrosslistModule.builder()
        .marketplace(new AcmeEbayGateway(http))    // eBay: listings, catalogue, enrichment, orders
        .oauth(new AcmeEbayOAuth(http))            // eBay's token endpoint
        .keepAlive(new AcmeVintedKeepAlive(http))  // Vinted's web sessions
        .build();                                  // the rest is simulated, and the log says so
    Injector injector = Guice.createInjector(new PersistenceModule(settings), crosslist);
    // end::binding[]
    return injector;
  }

  /** eBay's API; the example leaves the calls out. */
  static class AcmeEbayGateway extends UnsupportedGateway {
    AcmeEbayGateway(HttpClient http) {
      super(Marketplace.EBAY);
    }
  }

  /** Vinted's session keep-alive; the example leaves the call out. */
  static final class AcmeVintedKeepAlive implements SessionKeepAliveGateway {
    AcmeVintedKeepAlive(HttpClient http) {}

    @Override
    public Marketplace marketplace() {
      return Marketplace.VINTED;
    }

    @Override
    public void keepAlive(TenantId account, String externalAccountId, Secret cookies) {
      throw new UnsupportedOperationException();
    }
  }
}
