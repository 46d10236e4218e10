package io.crosslist.adapter.persistence;

import static io.crosslist.domain.connection.ConnectionFixtures.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.connection.port.in.RefreshTokensUseCase.Outcome;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase.Summary;
import io.crosslist.application.connection.service.TokenRefreshService;
import io.crosslist.domain.connection.ConnectionFixtures;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Refresh-ahead on real PostgreSQL: concurrent refreshes collapse into one marketplace call; a refusal expires. */
class TokenRefreshTest {
  private static final Instant NOW = ConnectionFixtures.NOW;
  private static final Duration WINDOW = Duration.ofMinutes(10);
  private final Persistence db = Persistence.get();
  private final MarketplaceConnectionRepository connections =
      db.injector.getInstance(MarketplaceConnectionRepository.class);
  private final AtomicInteger calls = new AtomicInteger();
  private volatile RuntimeException refusal;

  /** eBay's token endpoint, slow enough for concurrent refreshes to overlap. */
  private final OAuthGateway ebay = new OAuthGateway() {
    @Override
    public Marketplace marketplace() {
      return Marketplace.EBAY;
    }

    @Override
    public OAuthTokens refresh(TenantId account, String externalAccountId, Secret refreshToken) {
      calls.incrementAndGet();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (refusal != null) {
        throw refusal;
      }
      return new OAuthTokens(Secret.of("accessToken", "fresh-" + refreshToken.reveal()), refreshToken,
          NOW.plus(Duration.ofHours(2)), Set.of("sell.inventory"));
    }
  };

  private final TokenRefreshService service = new TokenRefreshService(connections, List.of(ebay), db.journal,
      db.unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));

  private MarketplaceConnection ebayExpiringIn(TenantId tenant, Duration left) {
    return connections.add(tenant, MarketplaceConnection.withTokens(Marketplace.EBAY, "seller", "eBay",
        tokens("r", NOW.plus(left)), NOW));
  }

  @Test
  void eight_concurrent_refreshes_of_one_connection_call_the_marketplace_once() throws Exception {
    TenantId tenant = db.newTenant();
    MarketplaceConnection c = ebayExpiringIn(tenant, Duration.ofMinutes(5));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Outcome> outcomes = new ArrayList<>();
    try {
      List<Callable<Outcome>> refreshes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        refreshes.add(() -> service.refresh(tenant, c.id(), WINDOW));
      }
      for (Future<Outcome> f : threads.invokeAll(refreshes)) {
        outcomes.add(f.get());
      }
    } finally {
      threads.shutdown();
    }
    assertEquals(1, calls.get(), "one marketplace call");
    assertEquals(1, outcomes.stream().filter(o -> o == Outcome.REFRESHED).count(), outcomes.toString());
    assertEquals(7, outcomes.stream().filter(o -> o == Outcome.NOT_DUE).count(), outcomes.toString());
    MarketplaceConnection stored = connections.findById(tenant, c.id()).orElseThrow();
    assertEquals("fresh-refresh-r", stored.tokens().accessToken().reveal());
    assertEquals(NOW.plus(Duration.ofHours(2)), stored.tokens().expiresAt());
  }

  @Test
  void a_refused_refresh_marks_the_connection_expired_and_logs_the_error() {
    TenantId tenant = db.newTenant();
    MarketplaceConnection c = ebayExpiringIn(tenant, Duration.ofMinutes(1));
    refusal = new MarketplaceException(Marketplace.EBAY, false, "invalid_grant: the refresh token was revoked");
    assertEquals(Outcome.EXPIRED, service.refresh(tenant, c.id(), WINDOW));
    MarketplaceConnection stored = connections.findById(tenant, c.id()).orElseThrow();
    assertEquals(ConnectionStatus.EXPIRED, stored.status());
    assertEquals("EBAY: invalid_grant: the refresh token was revoked", stored.lastError());
    var errors = db.journal.recentErrors(tenant, 10);
    assertEquals(1, errors.size());
    assertEquals("TOKEN_REFRESH_REFUSED", errors.get(0).errorType());
    assertEquals(Outcome.SKIPPED, service.refresh(tenant, c.id(), WINDOW), "an expired connection waits for the user");
  }

  @Test
  void a_passing_failure_changes_nothing_and_the_summary_counts_each_connection() {
    TenantId tenant = db.newTenant();
    MarketplaceConnection due = ebayExpiringIn(tenant, Duration.ofMinutes(2));
    connections.add(tenant, ConnectionFixtures.etsy("later")); // expires in an hour: not due
    connections.add(tenant, ConnectionFixtures.vinted("v")); // a web session: not the refresher's business
    refusal = new MarketplaceException(Marketplace.EBAY, true, "timeout");
    assertEquals(new Summary(0, 1, 0, 1, 0), service.refreshDue(tenant, WINDOW));
    assertEquals(ConnectionStatus.CONNECTED, connections.findById(tenant, due.id()).orElseThrow().status());
    refusal = null;
    assertEquals(new Summary(1, 1, 0, 0, 0), service.refreshDue(tenant, WINDOW));
    assertTrue(connections.findById(tenant, due.id()).orElseThrow().tokens().expiresAt().isAfter(NOW.plus(WINDOW)));
  }
}
