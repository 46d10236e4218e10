package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.CrosslistHttpModule;
import io.crosslist.adapter.http.HttpSettings;
import io.crosslist.adapter.marketplace.SimulatedMarketplaceGateway;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductFixtures;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /orders} and the withdrawals on {@code GET /products/{id}/listings} over real HTTP, with the orders made
 * by the simulated marketplaces and recorded by the real jobs on PostgreSQL: a product with one unit sells on eBay,
 * then on Etsy too (an oversell).
 */
class OrdersHttpTest {
  private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Persistence db = Persistence.get();
  private static final SimulatedMarketplaceGateway ebay =
      new SimulatedMarketplaceGateway(Marketplace.EBAY, SimulationSettings.INSTANT);
  private static final SimulatedMarketplaceGateway etsy =
      new SimulatedMarketplaceGateway(Marketplace.ETSY, SimulationSettings.INSTANT);
  private static CrosslistHttpApi api;
  private static String base;
  private static TenantId tenant;
  private static Product product;
  private static MarketplaceOrder onEbay;
  private static MarketplaceOrder onEtsy;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db.clearDispatchIndex();
    Injector injector = db.injector.createChildInjector(new CrosslistModule(new MarketplaceGateways(List.of(
        new SimulatedMarketplaceGateway(Marketplace.VINTED, SimulationSettings.INSTANT), ebay, etsy))),
        new CrosslistHttpModule());
    api = new CrosslistHttpApi(HttpSettings.of(0, SECRET), injector.getInstance(CrosslistHttpApi.Ports.class),
        new CrosslistHttpApi.Operations(injector.getInstance(Readiness.class), new SimpleMeterRegistry(), null));
    base = "http://127.0.0.1:" + api.start();

    JobExecutionService engine = injector.getInstance(JobExecutionService.class);
    EnqueueJobUseCase enqueue = injector.getInstance(EnqueueJobUseCase.class);
    ListingRepository listings = injector.getInstance(ListingRepository.class);
    tenant = db.newTenant();
    product = db.products.add(tenant, Product.newDraft(ProductFixtures.detailsTitled("Barbour jacket"),
        Instant.now()));
    for (Marketplace m : List.of(Marketplace.VINTED, Marketplace.EBAY, Marketplace.ETSY)) {
      enqueue.enqueue(tenant, JobRequest.of(m, JobAction.PUBLISH, product.id()));
    }
    runJobs(engine);
    onEbay = ebay.sell(tenant, listings.find(tenant, product.id(), Marketplace.EBAY).orElseThrow().externalId(), 1);
    enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, null));
    runJobs(engine); // the product sells out: its Vinted and Etsy listings are being withdrawn
    Thread.sleep(2); // the Etsy order is placed later
    onEtsy = etsy.sell(tenant, listings.find(tenant, product.id(), Marketplace.ETSY).orElseThrow().externalId(), 1);
    injector.getInstance(PollOrdersUseCase.class).poll(tenant, Marketplace.ETSY);
    runJobs(engine);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static void runJobs(JobExecutionService engine) throws InterruptedException {
    ClaimRequest all = new ClaimRequest(20, 20, 100, Duration.ofMinutes(5), Marketplace.BUILT_IN);
    for (int idle = 0; idle < 5; ) {
      List<ClaimedJob> claimed = engine.claim("orders-http", all);
      idle = claimed.isEmpty() ? idle + 1 : 0;
      claimed.forEach(engine::run);
      Thread.sleep(claimed.isEmpty() ? 10 : 0);
    }
  }

  private static String token(TenantId owner) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .subject(String.valueOf(owner.value())).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private HttpResponse<String> get(String path, TenantId as) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (as != null) {
      request.header("Authorization", "Bearer " + token(as));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> response = get(path, tenant);
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return JSON.readTree(response.body());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("externalId").asText()));
    return ids;
  }

  @Test
  void the_orders_are_listed_newest_first_with_the_oversold_one_marked() throws Exception {
    JsonNode page = ok("/orders");
    assertEquals(List.of(onEtsy.externalId(), onEbay.externalId()), ids(page));
    assertTrue(page.get("nextCursor").isNull());
    JsonNode late = page.get("items").get(0);
    assertEquals("ETSY", late.get("marketplace").asText());
    assertEquals("OVERSOLD", late.get("status").asText());
    assertTrue(late.get("oversold").asBoolean());
    assertEquals(product.id().value(), late.get("productId").asLong());
    assertEquals(onEtsy.listingExternalId(), late.get("listingExternalId").asText());
    assertEquals(1, late.get("quantity").asInt());
    assertEquals("EUR", late.get("total").get("currency").asText());
    assertTrue(late.get("jobId").isIntegralNumber(), late.toString());
    JsonNode first = page.get("items").get(1);
    assertEquals("ACCEPTED", first.get("status").asText());
    assertFalse(first.get("oversold").asBoolean());
  }

  @Test
  void filters_select_by_marketplace_product_time_and_oversold_and_pages_follow_the_cursor() throws Exception {
    assertEquals(List.of(onEtsy.externalId()), ids(ok("/orders?oversold=true")));
    assertEquals(List.of(onEbay.externalId()), ids(ok("/orders?oversold=false")));
    assertEquals(List.of(onEbay.externalId()), ids(ok("/orders?marketplace=ebay")));
    assertEquals(List.of(), ids(ok("/orders?marketplace=VINTED")));
    assertEquals(2, ids(ok("/orders?product=" + product.id().value())).size());
    assertEquals(List.of(), ids(ok("/orders?product=999999")));
    String since = URLEncoder.encode(onEtsy.orderedAt().toString(), StandardCharsets.UTF_8);
    assertEquals(List.of(onEtsy.externalId()), ids(ok("/orders?since=" + since)));
    assertEquals(List.of(onEbay.externalId()), ids(ok("/orders?until=" + since)));
    assertEquals(List.of(), ids(ok("/orders?until=2000-01-01")));

    JsonNode one = ok("/orders?limit=1");
    assertEquals(List.of(onEtsy.externalId()), ids(one));
    JsonNode two = ok("/orders?limit=1&cursor=" + one.get("nextCursor").asText());
    assertEquals(List.of(onEbay.externalId()), ids(two));
    assertTrue(two.get("nextCursor").isNull());
  }

  @Test
  void a_bad_filter_value_is_refused_naming_the_field() throws Exception {
    String[][] refused = {{"oversold=yes", "oversold"}, {"product=abc", "product"}, {"product=007", "product"},
        {"marketplace=%21x", "marketplace"}, {"since=yesterday", "since"}, {"until=2026-13-01", "until"},
        {"since=2026-12-02&until=2026-12-01", "since"}, {"limit=0", "limit"}, {"limit=x", "limit"},
        {"cursor=forged", "cursor"}, {"since=10000-01-01", "since"}};
    for (String[] r : refused) {
      HttpResponse<String> response = get("/orders?" + r[0], tenant);
      assertEquals(422, response.statusCode(), r[0] + " -> " + response.body());
      assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
      assertTrue(response.body().contains("\"field\":\"" + r[1] + "\""), r[0] + " -> " + response.body());
    }
  }

  @Test
  void orders_are_the_tenants_own_and_need_a_token() throws Exception {
    HttpResponse<String> other = get("/orders", db.newTenant());
    assertEquals(200, other.statusCode(), other.body());
    assertEquals(List.of(), ids(JSON.readTree(other.body())));
    assertEquals(401, get("/orders", null).statusCode());
  }

  @Test
  void the_oversell_is_in_the_error_log_and_the_withdrawals_are_on_the_listings() throws Exception {
    JsonNode log = ok("/error-log?marketplace=ETSY");
    JsonNode entry = log.get("items").get(0);
    assertEquals("OVERSELL", entry.get("errorType").asText());
    assertTrue(entry.get("message").asText().contains("ETSY order " + onEtsy.externalId()), entry.toString());
    assertTrue(entry.get("message").asText().contains("product " + product.id() + " \"Barbour jacket\""),
        entry.toString());

    JsonNode listings = JSON.readTree(get("/products/" + product.id().value() + "/listings", tenant).body());
    for (JsonNode listing : listings) {
      String marketplace = listing.get("marketplace").asText();
      switch (marketplace) {
        case "EBAY" -> {
          assertEquals("SOLD", listing.get("status").asText());
          assertTrue(listing.get("withdrawal").isNull());
        }
        case "VINTED", "ETSY" -> { // withdrawn before the Etsy order was polled
          assertEquals("DELETED", listing.get("status").asText());
          JsonNode withdrawal = listing.get("withdrawal");
          assertEquals("sold out by EBAY order " + onEbay.externalId(), withdrawal.get("reason").asText());
          JsonNode job = ok("/jobs/" + withdrawal.get("jobId").asLong());
          assertEquals("DELETE", job.get("action").asText());
          assertEquals("COMPLETED", job.get("status").asText());
        }
        default -> throw new AssertionError(marketplace);
      }
    }
  }
}
