package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase.ConnectCommand;
import io.crosslist.application.connection.port.in.ConnectionView;
import io.crosslist.application.connection.port.in.GetConnectionsUseCase;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase.Summary;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The composition root wires the connection use cases, with the simulated token endpoints. */
class ConnectionWiringTest {
  private final Persistence db = Persistence.get();
  private final Injector injector = db.injector.createChildInjector(new CrosslistModule());

  @Test
  void a_connected_account_is_refreshed_ahead_and_a_revoked_grant_expires_it() {
    TenantId tenant = db.newTenant();
    ConnectMarketplaceUseCase connect = injector.getInstance(ConnectMarketplaceUseCase.class);
    Instant soon = Instant.now().plus(Duration.ofMinutes(3));
    ConnectionView ebay = connect.connect(new ConnectCommand(tenant, Marketplace.EBAY, "seller", "eBay",
        new OAuthTokens(Secret.of("a", "access"), Secret.of("r", "refresh"), soon, Set.of("s")), null));
    ConnectionView etsy = connect.connect(new ConnectCommand(tenant, Marketplace.ETSY, "shop", "Etsy",
        new OAuthTokens(Secret.of("a", "access"), Secret.of("r", "revoked-grant"), soon, Set.of("s")), null));

    Summary summary = injector.getInstance(RefreshTokensUseCase.class).refreshDue(tenant, Duration.ofMinutes(10));

    assertEquals(new Summary(1, 0, 1, 0, 0), summary);
    GetConnectionsUseCase get = injector.getInstance(GetConnectionsUseCase.class);
    assertEquals(ConnectionStatus.CONNECTED, get.get(tenant, ebay.id()).status());
    assertEquals(ConnectionStatus.EXPIRED, get.get(tenant, etsy.id()).status());
  }
}
