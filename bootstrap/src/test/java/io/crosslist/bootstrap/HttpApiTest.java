package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.HttpSettings;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase;
import io.crosslist.domain.connection.ResealScope;
import io.crosslist.application.product.port.in.ListProductsUseCase;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.conversation.ConversationMessage;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.ProductId;
import java.time.LocalDate;
import java.util.List;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API over real HTTP on loopback, with the real application and PostgreSQL behind it. */
class HttpApiTest {
  private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
  private static final String PRODUCT = """
      {"title": "Nike Air Max 90", "description": "worn twice", "price": {"amount": "89.00", "currency": "EUR"},
       "brand": "nike", "category": "womens-shoes", "condition": "very-good", "stockQuantity": 1}""";
  private static final Persistence db = Persistence.get();
  private static final PrometheusMeterRegistry METRICS = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private static CrosslistHttpApi api;
  private static Injector injector;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    injector = db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule());
    api = new CrosslistHttpApi(HttpSettings.of(0, SECRET), injector.getInstance(CrosslistHttpApi.Ports.class),
        new CrosslistHttpApi.Operations(injector.getInstance(Readiness.class), METRICS, METRICS::scrape));
    base = "http://127.0.0.1:" + api.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String token(TenantId tenant, String secret, Instant expires) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .subject(String.valueOf(tenant.value())).expirationTime(Date.from(expires)).build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String token(TenantId tenant) throws Exception {
    return token(tenant, SECRET, Instant.now().plus(Duration.ofMinutes(5)));
  }

  private HttpResponse<String> send(String method, String path, String token, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> create(String token, String body) throws Exception {
    return send("POST", "/products", token, "application/json", body);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(response.body().contains("\"type\":\"https://crosslist.io/problems/" + type + "\""), response.body());
    assertTrue(response.body().contains("\"status\":" + status), response.body());
    assertFalse(response.body().contains("Exception") || response.body().contains("\tat ")
        || response.body().toLowerCase().contains("select "), "no stack trace or SQL: " + response.body());
  }

  private static long idOf(HttpResponse<String> response) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
    assertTrue(m.find(), response.body());
    return Long.parseLong(m.group(1));
  }

  @Test
  void a_product_is_created_and_read_back_by_its_owner() throws Exception {
    String owner = token(db.newTenant());
    HttpResponse<String> created = create(owner, PRODUCT);
    assertEquals(201, created.statusCode(), created.body());
    long id = idOf(created);
    assertEquals("/products/" + id, created.headers().firstValue("Location").orElse(""));
    assertTrue(created.body().contains("\"status\":\"DRAFT\""), created.body());

    HttpResponse<String> read = send("GET", "/products/" + id, owner, null, null);
    assertEquals(200, read.statusCode(), read.body());
    assertTrue(read.body().contains("\"title\":\"Nike Air Max 90\""), read.body());
    assertTrue(read.body().contains("\"price\":{\"amount\":\"89.00\",\"currency\":\"EUR\"}"), read.body());
  }

  private HttpResponse<String> sendIfMatch(String method, String path, String token, String version, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token);
    if (version != null) {
      request.header("If-Match", version);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void every_product_route_with_another_tenants_token_gets_404_and_changes_nothing() throws Exception {
    String owner = token(db.newTenant());
    long id = idOf(create(owner, PRODUCT));
    String before = send("GET", "/products/" + id, owner, null, null).body();
    String other = token(db.newTenant());
    String path = "/products/" + id;
    assertProblem(send("GET", path, other, null, null), 404, "not-found");
    assertProblem(send("GET", path + "?tenant=1", other, null, null), 404, "not-found");
    assertProblem(sendIfMatch("PUT", path, other, "\"0\"", PRODUCT.replace("Nike", "Stolen")), 404, "not-found");
    assertProblem(sendIfMatch("POST", path + "/status", other, null, "{\"status\": \"PUBLISHED\"}"), 404,
        "not-found");
    assertProblem(send("DELETE", path, other, null, null), 404, "not-found");
    assertFalse(send("GET", "/products", other, null, null).body().contains("\"id\":" + id + ","),
        "another tenant's list never shows it");
    assertEquals(before, send("GET", path, owner, null, null).body(), "unchanged");
  }

  @Test
  void an_update_needs_the_current_version_and_a_stale_one_gets_409() throws Exception {
    String owner = token(db.newTenant());
    long id = idOf(create(owner, PRODUCT));
    String path = "/products/" + id;
    assertEquals("\"0\"", send("GET", path, owner, null, null).headers().firstValue("ETag").orElse(""));
    assertProblem(sendIfMatch("PUT", path, owner, null, PRODUCT), 428, "version-required");
    HttpResponse<String> updated = sendIfMatch("PUT", path, owner, "\"0\"", PRODUCT.replace("worn twice", "like new"));
    assertEquals(200, updated.statusCode(), updated.body());
    assertTrue(updated.body().contains("\"version\":1") && updated.body().contains("like new"), updated.body());
    assertProblem(sendIfMatch("PUT", path, owner, "\"0\"", PRODUCT), 409, "version-conflict");
  }

  @Test
  void status_changes_follow_the_lifecycle_and_a_deleted_product_is_gone() throws Exception {
    String owner = token(db.newTenant());
    long id = idOf(create(owner, PRODUCT));
    String path = "/products/" + id;
    HttpResponse<String> published = sendIfMatch("POST", path + "/status", owner, null, "{\"status\": \"published\"}");
    assertEquals(200, published.statusCode(), published.body());
    assertTrue(published.body().contains("\"status\":\"PUBLISHED\""), published.body());
    assertProblem(sendIfMatch("POST", path + "/status", owner, null, "{\"status\": \"GONE\"}"), 422, "validation");
    assertProblem(sendIfMatch("POST", path + "/status", owner, null, "{\"status\": \"DRAFT\"}"), 409,
        "illegal-transition");
    assertEquals(204, send("DELETE", path, owner, null, null).statusCode());
    assertProblem(send("GET", path, owner, null, null), 404, "not-found");
  }

  @Test
  void the_list_pages_with_an_opaque_cursor_and_refuses_a_forged_one() throws Exception {
    String owner = token(db.newTenant());
    for (int i = 0; i < 3; i++) {
      assertEquals(201, create(owner, PRODUCT).statusCode());
    }
    HttpResponse<String> first = send("GET", "/products?limit=2", owner, null, null);
    assertEquals(200, first.statusCode(), first.body());
    Matcher cursor = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(first.body());
    assertTrue(cursor.find(), first.body());
    HttpResponse<String> second = send("GET", "/products?limit=2&cursor=" + cursor.group(1), owner, null, null);
    assertEquals(1, second.body().split("\"title\"").length - 1, second.body());
    assertTrue(second.body().contains("\"nextCursor\":null"), second.body());
    HttpResponse<String> forged = send("GET", "/products?cursor=bm90LWEtY3Vyc29y", owner, null, null);
    assertProblem(forged, 422, "validation");
    assertTrue(forged.body().contains("\"field\":\"cursor\""), forged.body());
    assertProblem(send("GET", "/products?limit=abc", owner, null, null), 422, "validation");
  }

  @Test
  void requests_without_a_valid_token_get_401() throws Exception {
    TenantId tenant = db.newTenant();
    assertProblem(send("GET", "/products/1", null, null, null), 401, "unauthorized");
    assertProblem(send("GET", "/products/1", "not-a-jwt", null, null), 401, "unauthorized");
    assertProblem(send("GET", "/products/1", token(tenant, "another-secret-of-at-least-32-bytes!!",
        Instant.now().plusSeconds(60)), null, null), 401, "unauthorized");
    assertProblem(send("GET", "/products/1", token(tenant, SECRET, Instant.now().minusSeconds(1)), null, null), 401,
        "unauthorized");
    assertProblem(create(null, PRODUCT), 401, "unauthorized");
  }

  @Test
  void bad_bodies_get_the_problem_that_names_what_is_wrong_and_write_nothing() throws Exception {
    TenantId tenant = db.newTenant();
    String owner = token(tenant);
    assertProblem(create(owner, "{\"title\": "), 400, "malformed-json");
    HttpResponse<String> unknown = create(owner, PRODUCT.replace("\"stockQuantity\": 1", "\"stockQuantity\": 1,"
        + " \"tenantId\": 7"));
    assertProblem(unknown, 400, "unknown-field");
    assertTrue(unknown.body().contains("\"field\":\"tenantId\""), unknown.body());
    HttpResponse<String> wrongType = create(owner, PRODUCT.replace("\"stockQuantity\": 1", "\"stockQuantity\": \"one\""));
    assertProblem(wrongType, 400, "wrong-type");
    assertTrue(wrongType.body().contains("\"field\":\"stockQuantity\""), wrongType.body());
    HttpResponse<String> invalid = create(owner, "{\"title\": \" \", \"price\": {\"amount\": \"x\", \"currency\": \"EUR\"}}");
    assertProblem(invalid, 422, "validation");
    assertTrue(invalid.body().contains("\"field\":\"price.amount\""), invalid.body());
    HttpResponse<String> missing = create(owner, "{\"title\": \"shoes\"}");
    assertProblem(missing, 422, "validation");
    assertTrue(missing.body().contains("\"field\":\"price\"") && missing.body().contains("\"field\":\"category\""),
        missing.body());
    assertProblem(send("POST", "/products", owner, "text/plain", PRODUCT), 415, "unsupported-media-type");
    assertProblem(send("GET", "/products/abc", owner, null, null), 400, "invalid-parameter");
    assertProblem(send("GET", "/nothing-here", owner, null, null), 404, "not-found");
    assertTrue(injector.getInstance(ListProductsUseCase.class).list(tenant, ProductSearch.firstPage()).items()
        .isEmpty(), "no bad request wrote a product");
  }

  @Test
  void a_job_is_enqueued_read_listed_and_cancelled_and_a_batch_shows_its_counts() throws Exception {
    String owner = token(db.newTenant());
    long product = idOf(create(owner, PRODUCT));
    HttpResponse<String> job = send("POST", "/jobs", owner,
        "application/json", "{\"marketplace\": \"vinted\", \"action\": \"PUBLISH\", \"productId\": " + product + "}");
    assertEquals(201, job.statusCode(), job.body());
    long jobId = idOf(job);
    assertTrue(job.body().contains("\"status\":\"PENDING\"") && job.body().contains("\"productId\":" + product),
        job.body());
    assertEquals(200, send("GET", "/jobs/" + jobId, owner, null, null).statusCode());
    assertTrue(send("GET", "/jobs?status=pending&marketplace=VINTED", owner, null, null).body()
        .contains("\"id\":" + jobId + ","));
    HttpResponse<String> cancelled = send("POST", "/jobs/" + jobId + "/cancel", owner, null, null);
    assertTrue(cancelled.body().contains("\"status\":\"CANCELLED\""), cancelled.body());
    assertProblem(send("POST", "/jobs/" + jobId + "/retry", owner, null, null), 409, "illegal-transition");

    HttpResponse<String> batch = send("POST", "/batches", owner, "application/json", "{\"description\": \"spring\","
        + " \"jobs\": [{\"marketplace\": \"EBAY\", \"action\": \"PUBLISH\", \"productId\": " + product + "},"
        + " {\"marketplace\": \"ETSY\", \"action\": \"PUBLISH\", \"productId\": " + product + "}]}");
    assertEquals(201, batch.statusCode(), batch.body());
    long batchId = idOf(batch);
    assertTrue(batch.body().contains("\"pending\":2") && batch.body().contains("\"total\":2"), batch.body());
    HttpResponse<String> stopped = send("POST", "/batches/" + batchId + "/cancel", owner, null, null);
    assertTrue(stopped.body().contains("\"cancelled\":2") && stopped.body().contains("\"status\":\"CANCELLED\""),
        stopped.body());

    HttpResponse<String> badJob = send("POST", "/batches", owner, "application/json", "{\"jobs\": [{\"marketplace\":"
        + " \"EBAY\", \"action\": \"SYNC_ORDERS\"}, {\"marketplace\": \"EBAY\", \"action\": \"SHOUT\"}]}");
    assertProblem(badJob, 422, "validation");
    assertTrue(badJob.body().contains("\"field\":\"jobs[1].action\""), badJob.body());
    HttpResponse<String> noProduct = send("POST", "/jobs", owner, "application/json",
        "{\"marketplace\": \"EBAY\", \"action\": \"PUBLISH\"}");
    assertProblem(noProduct, 422, "validation");
    assertTrue(noProduct.body().contains("\"field\":\"productId\""), noProduct.body());
  }

  @Test
  void every_job_and_batch_route_with_another_tenants_token_gets_404_and_changes_nothing() throws Exception {
    String owner = token(db.newTenant());
    long jobId = idOf(send("POST", "/jobs", owner, "application/json",
        "{\"marketplace\": \"EBAY\", \"action\": \"SYNC_ORDERS\"}"));
    long batchId = idOf(send("POST", "/batches", owner, "application/json",
        "{\"jobs\": [{\"marketplace\": \"EBAY\", \"action\": \"SYNC_ORDERS\"}]}"));
    String other = token(db.newTenant());
    assertProblem(send("GET", "/jobs/" + jobId, other, null, null), 404, "not-found");
    assertProblem(send("POST", "/jobs/" + jobId + "/cancel", other, null, null), 404, "not-found");
    assertProblem(send("POST", "/jobs/" + jobId + "/retry", other, null, null), 404, "not-found");
    assertProblem(send("GET", "/batches/" + batchId, other, null, null), 404, "not-found");
    assertProblem(send("POST", "/batches/" + batchId + "/cancel", other, null, null), 404, "not-found");
    assertFalse(send("GET", "/jobs", other, null, null).body().contains("\"id\":" + jobId + ","));
    assertTrue(send("GET", "/jobs/" + jobId, owner, null, null).body().contains("\"status\":\"PENDING\""));
    assertTrue(send("GET", "/batches/" + batchId, owner, null, null).body().contains("\"pending\":1"));
  }

  @Test
  void readiness_metrics_and_request_ids_need_no_token() throws Exception {
    HttpResponse<String> ready = send("GET", "/health/ready", null, null, null);
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"status\":\"UP\"") && ready.body().contains("shared schema at version"),
        ready.body());
    String owner = token(db.newTenant());
    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/products/424242"))
        .header("Authorization", "Bearer " + owner).header("X-Request-Id", "trace-42").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("trace-42", missing.headers().firstValue("X-Request-Id").orElse(""));
    assertTrue(send("GET", "/health/live", null, null, null).headers().firstValue("X-Request-Id").isPresent());
    String metrics = send("GET", "/metrics", null, null, null).body();
    assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/products/{id}\","
        + "status=\"404\"}"), metrics.lines().filter(l -> l.startsWith("http_server")).toList().toString());
    assertTrue(metrics.contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/products/{id}\","
        + "status=\"404\",le=\""), "a latency histogram, not only a count");
  }

  @Test
  void the_openapi_document_lists_exactly_the_routes_served() throws Exception {
    HttpResponse<String> served = send("GET", "/openapi.json", null, null, null);
    assertEquals(200, served.statusCode());
    com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(served.body());
    assertEquals("3.1.0", doc.get("openapi").asText());
    java.util.Set<String> documented = new java.util.TreeSet<>();
    doc.get("paths").properties().forEach(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
    assertEquals(new java.util.TreeSet<>(api.routes()), documented,
        "a route missing from /openapi.json, or documented but not served");
  }

  @Test
  void a_connection_is_made_listed_without_secrets_and_unreachable_for_another_tenant() throws Exception {
    String owner = token(db.newTenant());
    String vinted = "{\"marketplace\": \"VINTED\", \"externalAccountId\": \"member-1\", \"displayName\": \"Vinted\","
        + " \"sessionCookies\": \"_vinted_fr_session=SECRET-COOKIE; datadome=dd\"}";
    HttpResponse<String> connected = send("POST", "/connections", owner, "application/json", vinted);
    assertEquals(201, connected.statusCode(), connected.body());
    long id = idOf(connected);
    HttpResponse<String> list = send("GET", "/connections", owner, null, null);
    assertTrue(list.body().contains("\"status\":\"CONNECTED\""), list.body());
    assertFalse(list.body().contains("SECRET-COOKIE") || connected.body().contains("SECRET-COOKIE"), "no secret out");
    assertProblem(send("POST", "/connections", owner, "application/json", vinted), 409, "already-connected");

    String other = token(db.newTenant());
    assertProblem(send("GET", "/connections/" + id, other, null, null), 404, "not-found");
    assertProblem(send("DELETE", "/connections/" + id, other, null, null), 404, "not-found");
    assertEquals("[]", send("GET", "/connections", other, null, null).body());
    HttpResponse<String> revoked = send("DELETE", "/connections/" + id, owner, null, null);
    assertTrue(revoked.body().contains("\"status\":\"REVOKED\""), revoked.body());
  }

  @Test
  void a_connection_carried_over_in_plaintext_is_listed_with_its_state_and_the_command_that_fixes_it()
      throws Exception {
    TenantId tenant = db.newTenant();
    long id;
    try (java.sql.Connection c = TestDatabase.get().connect(); java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("insert into " + TenantSqlRenderer.quotedSchema(tenant)
            + ".marketplace_connections (marketplace, external_account_id, display_name, status, access_token,"
            + " refresh_token, token_expires_at, created_at, updated_at) values ('ETSY', 'shop', 'Old shop',"
            + " 'CONNECTED', convert_to('OLD-PLAIN-TOKEN', 'UTF8'), convert_to('OLD-PLAIN-REFRESH', 'UTF8'),"
            + " now() + interval '1 minute', now(), now()) returning id")) { // as the old back end's export does
      rs.next();
      id = rs.getLong(1);
    }
    String owner = token(tenant);
    String state = "\"secret\":{\"state\":\"PLAINTEXT\",\"problem\":\"the access_token of connection " + id
        + " of " + tenant + " is stored in plaintext; the refresh_token of connection " + id + " of " + tenant
        + " is stored in plaintext\",\"fix\":\"run `crosslist reseal --scope PLAINTEXT` (library:"
        + " ResealSecretsUseCase with ResealScope.PLAINTEXT) to encrypt it\"}";

    HttpResponse<String> list = send("GET", "/connections", owner, null, null);
    HttpResponse<String> one = send("GET", "/connections/" + id, owner, null, null);

    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains(state), list.body());
    assertEquals(200, one.statusCode(), one.body());
    assertTrue(one.body().contains(state), one.body());
    assertFalse(list.body().contains("OLD-PLAIN"), "no secret out: " + list.body());
    injector.getInstance(ResealSecretsUseCase.class).reseal(new ResealSecretsUseCase.ResealRequest(
        ResealScope.PLAINTEXT, TenantId.of(tenant.value() - 1), 1, 500));
    assertTrue(send("GET", "/connections/" + id, owner, null, null).body()
        .contains("\"secret\":{\"state\":\"SEALED\",\"problem\":null,\"fix\":null}"));
  }

  @Test
  void only_an_admin_token_provisions_a_tenant_whose_own_token_then_works() throws Exception {
    TenantId fresh = Persistence.unusedTenant();
    String body = "{\"tenantId\": " + fresh.value() + "}";
    assertProblem(send("POST", "/admin/tenants", null, "application/json", body), 401, "unauthorized");
    assertProblem(send("POST", "/admin/tenants", token(db.newTenant()), "application/json", body), 403, "forbidden");

    String admin = adminToken();
    HttpResponse<String> created = send("POST", "/admin/tenants", admin, "application/json", body);
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(created.body().contains("\"schema\":\"user_" + fresh.value() + "\""), created.body());
    assertEquals(200, send("POST", "/admin/tenants", admin, "application/json", body).statusCode(),
        "provisioning again changes nothing");
    assertProblem(send("POST", "/admin/tenants", admin, "application/json", "{\"tenantId\": -3}"), 422,
        "validation");
    assertEquals(201, create(token(fresh), PRODUCT).statusCode());
  }

  private static String adminToken() throws Exception {
    SignedJWT admin = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("1")
        .claim("admin", true).expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
    admin.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    return admin.serialize();
  }

  @Test
  void a_suspended_tenant_gets_403_until_an_admin_reactivates_it_and_other_tenants_are_unaffected() throws Exception {
    TenantId tenant = db.newTenant();
    TenantId other = db.newTenant();
    long product = idOf(create(token(tenant), PRODUCT));
    String admin = adminToken();

    HttpResponse<String> suspended = send("POST", "/admin/tenants/" + tenant.value() + "/suspend", admin, null, null);
    assertEquals(200, suspended.statusCode(), suspended.body());
    assertTrue(suspended.body().contains("\"status\":\"SUSPENDED\""), suspended.body());
    assertProblem(send("GET", "/products/" + product, token(tenant), null, null), 403, "tenant-suspended");
    assertProblem(create(token(tenant), PRODUCT), 403, "tenant-suspended");
    assertProblem(send("GET", "/jobs", token(tenant), null, null), 403, "tenant-suspended");
    assertEquals(201, create(token(other), PRODUCT).statusCode(), "another tenant is not affected");

    HttpResponse<String> shown = send("GET", "/admin/tenants/" + tenant.value(), admin, null, null);
    assertEquals(200, shown.statusCode(), shown.body());
    assertTrue(shown.body().contains("\"schema\":\"user_" + tenant.value() + "\""), shown.body());
    assertTrue(shown.body().contains("\"schemaVersion\":"), shown.body());

    assertEquals(200, send("POST", "/admin/tenants/" + tenant.value() + "/reactivate", admin, null, null).statusCode());
    assertEquals(200, send("GET", "/products/" + product, token(tenant), null, null).statusCode());
  }

  @Test
  void admins_page_through_tenants_and_only_admins_reach_the_admin_routes() throws Exception {
    TenantId first = db.newTenant();
    TenantId second = db.newTenant();
    String admin = adminToken();
    HttpResponse<String> page = send("GET", "/admin/tenants?limit=1&cursor="
        + io.crosslist.domain.PageCursor.after(first.value() - 1).encode(), admin, null, null);
    assertEquals(200, page.statusCode(), page.body());
    assertEquals(first.value(), idOf(page));
    Matcher next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(page.body());
    assertTrue(next.find(), page.body());
    HttpResponse<String> following = send("GET", "/admin/tenants?limit=1&cursor=" + next.group(1), admin, null, null);
    assertEquals(second.value(), idOf(following));

    assertProblem(send("GET", "/admin/tenants?limit=0", admin, null, null), 422, "validation");
    assertProblem(send("GET", "/admin/tenants?cursor=forged", admin, null, null), 422, "validation");
    assertProblem(send("POST", "/admin/tenants/" + Persistence.unusedTenant().value() + "/suspend", admin, null,
        null), 404, "not-found");
    assertProblem(send("GET", "/admin/tenants/abc", admin, null, null), 400, "invalid-parameter");
    for (String[] route : new String[][] {{"GET", "/admin/tenants"}, {"GET", "/admin/tenants/" + first.value()},
        {"POST", "/admin/tenants/" + first.value() + "/suspend"},
        {"POST", "/admin/tenants/" + first.value() + "/reactivate"}}) {
      assertProblem(send(route[0], route[1], token(first), null, null), 403, "forbidden");
      assertProblem(send(route[0], route[1], null, null, null), 401, "unauthorized");
    }
    assertTrue(send("GET", "/admin/tenants/" + first.value(), admin, null, null).body().contains("\"ACTIVE\""),
        "refused calls changed nothing");
  }

  @Test
  void a_token_for_a_tenant_that_was_never_provisioned_gets_403() throws Exception {
    assertProblem(send("GET", "/products", token(Persistence.unusedTenant()), null, null), 403,
        "tenant-not-provisioned");
  }

  @Test
  void a_products_listings_the_conversations_the_error_log_and_the_statistics_are_read_by_their_owner_only()
      throws Exception {
    TenantId tenant = db.newTenant();
    String owner = token(tenant);
    long product = idOf(create(owner, PRODUCT));
    Instant at = Instant.parse("2026-11-30T10:15:00Z");
    injector.getInstance(ListingRepository.class).save(tenant, MarketplaceListing.published(ProductId.of(product),
        Marketplace.VINTED, "v-77", "https://vinted.example/items/v-77", Money.of("89.00", "EUR"), at));
    injector.getInstance(ConversationRepository.class).record(tenant, new ConversationThread(Marketplace.VINTED,
        "thread-1", "anna", "v-77", 2, at), List.of(new ConversationMessage("m-1", true, "still available?", at)));
    JobJournal journal = injector.getInstance(JobJournal.class);
    for (int day = 0; day < 3; day++) {
      journal.recordError(tenant, new MarketplaceError(Marketplace.EBAY, null, "PERMANENT", "refused " + day, null,
          at.minus(Duration.ofDays(day))));
      journal.recordFinished(tenant, LocalDate.parse("2026-11-30").minusDays(day), Marketplace.EBAY,
          JobAction.PUBLISH, true, 100);
    }

    HttpResponse<String> listings = send("GET", "/products/" + product + "/listings", owner, null, null);
    assertEquals(200, listings.statusCode(), listings.body());
    assertTrue(listings.body().contains("\"externalId\":\"v-77\"") && listings.body().contains("\"amount\":\"89.00\""),
        listings.body());
    HttpResponse<String> threads = send("GET", "/conversations", owner, null, null);
    assertTrue(threads.body().contains("\"buyerName\":\"anna\"") && threads.body().contains("\"unreadCount\":2"),
        threads.body());

    // [from, to): the errors of 11-29 and 11-30, newest first, one per page
    HttpResponse<String> first = send("GET", "/error-log?from=2026-11-29&to=2026-12-01&limit=1", owner, null, null);
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().contains("\"message\":\"refused 0\""), first.body());
    Matcher next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(first.body());
    assertTrue(next.find(), first.body());
    HttpResponse<String> second = send("GET", "/error-log?from=2026-11-29&to=2026-12-01&limit=1&cursor="
        + next.group(1), owner, null, null);
    assertTrue(second.body().contains("\"message\":\"refused 1\"") && second.body().contains("\"nextCursor\":null"),
        second.body());
    assertTrue(send("GET", "/error-log?marketplace=VINTED", owner, null, null).body().contains("\"items\":[]"));

    HttpResponse<String> stats = send("GET", "/statistics?from=2026-11-29&to=2026-11-30", owner, null, null);
    assertEquals(200, stats.statusCode(), stats.body());
    assertEquals(2, stats.body().split("\"succeeded\":1").length - 1, stats.body());
    assertTrue(stats.body().indexOf("2026-11-29") < stats.body().indexOf("\"day\":\"2026-11-30\""), "oldest first");

    assertProblem(send("GET", "/statistics?from=2026-12-01&to=2026-11-01", owner, null, null), 422, "validation");
    assertProblem(send("GET", "/statistics?from=2024-01-01&to=2026-11-01", owner, null, null), 422, "validation");
    HttpResponse<String> badDate = send("GET", "/statistics?from=yesterday", owner, null, null);
    assertProblem(badDate, 422, "validation");
    assertTrue(badDate.body().contains("\"field\":\"from\"") && badDate.body().contains("ISO-8601"), badDate.body());
    assertProblem(send("GET", "/error-log?from=2026-12-01&to=2026-11-01", owner, null, null), 422, "validation");
    assertProblem(send("GET", "/error-log?cursor=forged", owner, null, null), 422, "validation");
    assertProblem(send("GET", "/conversations?limit=0", owner, null, null), 422, "validation");

    // another tenant: the product is not there, and its own logs are empty
    String other = token(db.newTenant());
    assertProblem(send("GET", "/products/" + product + "/listings", other, null, null), 404, "not-found");
    assertEquals("[]", send("GET", "/conversations", other, null, null).body());
    assertTrue(send("GET", "/error-log", other, null, null).body().contains("\"items\":[]"));
    assertTrue(send("GET", "/statistics?from=2026-11-29&to=2026-11-30", other, null, null).body()
        .contains("\"items\":[]"));
    for (String path : List.of("/products/" + product + "/listings", "/conversations", "/error-log", "/statistics")) {
      assertProblem(send("GET", path, null, null, null), 401, "unauthorized");
    }
  }

  /**
   * The cross-tenant walk: every served route that names a resource by id, called with tenant B's token on
   * tenant A's ids, answers 404, and A's resources read the same afterwards. A new route with an id that this
   * walk does not know fails the test, so the walk cannot fall behind the API.
   */
  @Test
  void every_route_with_an_id_walked_with_another_tenants_token_gets_404_and_changes_nothing() throws Exception {
    String a = token(db.newTenant());
    long product = idOf(create(a, PRODUCT));
    long job = idOf(send("POST", "/jobs", a, "application/json", "{\"marketplace\": \"EBAY\", \"action\": \"SYNC_ORDERS\"}"));
    long batch = idOf(send("POST", "/batches", a, "application/json",
        "{\"jobs\": [{\"marketplace\": \"EBAY\", \"action\": \"SYNC_ORDERS\"}]}"));
    long connection = idOf(send("POST", "/connections", a, "application/json",
        "{\"marketplace\": \"VINTED\", \"externalAccountId\": \"m-9\", \"displayName\": \"V\", \"sessionCookies\": \"c=1\"}"));
    long upload = idOf(send("POST", "/imports/woocommerce", a, "text/csv", io.crosslist.domain.imports.WooCsv.plain()
        .row(io.crosslist.domain.imports.WooCsv.simple(1, "A-1", "Scarf", "12")).text()));
    java.util.Map<String, Long> idOf = java.util.Map.of("/products/", product, "/jobs/", job, "/batches/", batch,
        "/connections/", connection, "/imports/", upload);
    java.util.Map<String, String> before = new java.util.TreeMap<>();
    for (var e : idOf.entrySet()) {
      before.put(e.getKey(), send("GET", e.getKey() + e.getValue(), a, null, null).body());
    }
    String suggestion = String.valueOf(new com.fasterxml.jackson.databind.ObjectMapper().readTree(send("POST",
        "/products/" + product + "/suggestions", a, "application/json", "{\"marketplaces\": [\"EBAY\"]}").body())
        .get(0).get("id").asLong());
    before.put("/products/", send("GET", "/products/" + product, a, null, null).body());
    String b = token(db.newTenant());
    int walked = 0;
    for (String route : api.routes()) {
      if (!route.contains("{id}") || route.contains("/admin/")) {
        continue; // the admin routes name tenants, not a tenant's resources, and need the admin claim
      }
      String method = route.substring(0, route.indexOf(' '));
      String template = route.substring(route.indexOf(' ') + 1);
      String prefix = template.substring(0, template.indexOf("{id}"));
      Long id = idOf.get(prefix);
      assertTrue(id != null, "the cross-tenant walk does not know the resource of " + route);
      String path = template.replace("{id}", String.valueOf(id)).replace("{suggestionId}", suggestion);
      HttpResponse<String> response = method.equals("PUT") || method.equals("POST") && path.endsWith("/status")
          ? sendIfMatch(method, path, b, "\"1\"", path.endsWith("/status") ? "{\"status\": \"PUBLISHED\"}" : PRODUCT)
          : method.equals("POST") && path.endsWith("/suggestions")
              ? send(method, path, b, "application/json", "{\"marketplaces\": [\"EBAY\"]}")
              : send(method, path, b, null, null);
      assertProblem(response, 404, "not-found");
      walked++;
    }
    assertTrue(walked >= 12, "walked " + walked + " routes");
    for (var e : idOf.entrySet()) {
      assertEquals(before.get(e.getKey()), send("GET", e.getKey() + e.getValue(), a, null, null).body(),
          "tenant A's " + e.getKey() + " is unchanged");
    }
  }

  @Test
  void a_failed_job_is_retried_and_a_connection_is_read_by_its_owner() throws Exception {
    TenantId tenant = db.newTenant();
    String owner = token(tenant);
    long jobId = idOf(send("POST", "/jobs", owner, "application/json",
        "{\"marketplace\": \"EBAY\", \"action\": \"SYNC_ORDERS\"}"));
    MarketplaceJobRepository jobs = injector.getInstance(MarketplaceJobRepository.class);
    MarketplaceJob pending = jobs.findById(tenant, JobId.of(jobId)).orElseThrow();
    MarketplaceJob running = db.start(tenant, pending, "http-test");
    jobs.transition(tenant, running, running.fail("the marketplace refused", Instant.now()));
    assertTrue(send("GET", "/jobs/" + jobId, owner, null, null).body().contains("\"status\":\"FAILED\""));
    HttpResponse<String> retried = send("POST", "/jobs/" + jobId + "/retry", owner, null, null);
    assertEquals(200, retried.statusCode(), retried.body());
    assertTrue(retried.body().contains("\"status\":\"PENDING\"") && retried.body().contains("\"attempts\":0"),
        retried.body());

    long connection = idOf(send("POST", "/connections", owner, "application/json", "{\"marketplace\": \"ETSY\","
        + " \"externalAccountId\": \"shop-1\", \"displayName\": \"Shop\", \"accessToken\": \"at-SECRET\","
        + " \"tokenExpiresAt\": \"2030-01-01T00:00:00Z\"}"));
    HttpResponse<String> read = send("GET", "/connections/" + connection, owner, null, null);
    assertEquals(200, read.statusCode(), read.body());
    assertTrue(read.body().contains("\"marketplace\":\"ETSY\"") && !read.body().contains("at-SECRET"), read.body());
  }

  @Test
  void liveness_needs_no_token() throws Exception {
    HttpResponse<String> live = send("GET", "/health/live", null, null, null);
    assertEquals(200, live.statusCode());
    assertEquals("{\"status\":\"UP\"}", live.body());
  }

  @Test
  void a_conversations_sync_of_a_connected_tenant_fills_the_conversations_and_a_second_sync_adds_nothing()
      throws Exception {
    TenantId tenant = db.newTenant();
    String owner = token(tenant);
    assertEquals("[]", send("GET", "/conversations", owner, null, null).body(), "nothing synced yet");
    HttpResponse<String> none = send("POST", "/conversations/sync", owner, null, null);
    assertEquals(200, none.statusCode(), none.body());
    assertEquals("{\"items\":[]}", none.body(), "no connected account, nothing to sync");
    assertEquals(201, send("POST", "/connections", owner, "application/json", "{\"marketplace\": \"VINTED\","
        + " \"externalAccountId\": \"member-9\", \"displayName\": \"Vinted\", \"sessionCookies\": \"s=1\"}")
        .statusCode());

    HttpResponse<String> synced = send("POST", "/conversations/sync", owner, null, null);
    assertEquals(200, synced.statusCode(), synced.body());
    assertTrue(synced.body().contains("\"marketplace\":\"VINTED\",\"threads\":2,\"newMessages\":"), synced.body());
    String threads = send("GET", "/conversations", owner, null, null).body();
    assertTrue(threads.contains("\"externalId\":\"vinted-thread-" + tenant.value() + "-1\""), threads);
    assertTrue(threads.contains("\"externalId\":\"vinted-thread-" + tenant.value() + "-2\""), threads);

    HttpResponse<String> again = send("POST", "/conversations/sync", owner, "application/json",
        "{\"marketplace\": \"VINTED\"}");
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(again.body().contains("\"newMessages\":0") || again.body().contains("\"newMessages\":1")
        || again.body().contains("\"newMessages\":2"), "only a new hour's messages: " + again.body());
    assertProblem(send("POST", "/conversations/sync", owner, "application/json", "{\"marketplace\": \"DEPOP\"}"),
        422, "validation");
    assertEquals("[]", send("GET", "/conversations", token(db.newTenant()), null, null).body(),
        "another tenant sees none of them");
  }

  @Test
  void an_admin_groups_standalone_jobs_into_batches_whose_counts_the_batch_route_shows() throws Exception {
    TenantId tenant = db.newTenant();
    String owner = token(tenant);
    long product = idOf(create(owner, PRODUCT));
    for (int i = 0; i < 2; i++) {
      assertEquals(201, send("POST", "/jobs", owner, "application/json", "{\"marketplace\": \"ETSY\", \"action\":"
          + " \"PUBLISH\", \"productId\": " + product + "}").statusCode());
    }
    String body = "{\"tenants\": [" + tenant.value() + "], \"window\": \"PT1H\"}";
    assertProblem(send("POST", "/admin/jobs/batch-existing", owner, "application/json", body), 403, "forbidden");
    assertProblem(send("POST", "/admin/jobs/batch-existing", adminToken(), "application/json",
        "{\"window\": \"PT0S\"}"), 422, "validation");
    HttpResponse<String> dry = send("POST", "/admin/jobs/batch-existing", adminToken(), "application/json",
        "{\"tenants\": [" + tenant.value() + "], \"window\": \"PT1H\", \"dryRun\": true}");
    assertEquals(200, dry.statusCode(), dry.body());
    assertTrue(dry.body().contains("\"batchId\":null"), dry.body());

    HttpResponse<String> grouped = send("POST", "/admin/jobs/batch-existing", adminToken(), "application/json", body);
    assertEquals(200, grouped.statusCode(), grouped.body());
    assertTrue(grouped.body().contains("\"batches\":1,\"jobsMoved\":2"), grouped.body());
    Matcher batch = Pattern.compile("\"batchId\":(\\d+)").matcher(grouped.body());
    assertTrue(batch.find(), grouped.body());
    HttpResponse<String> read = send("GET", "/batches/" + batch.group(1), owner, null, null);
    assertEquals(200, read.statusCode(), read.body());
    assertTrue(read.body().contains("\"total\":2"), read.body());
    assertTrue(read.body().contains("\"pending\":2") || read.body().contains("\"running\":"), read.body());
    HttpResponse<String> again = send("POST", "/admin/jobs/batch-existing", adminToken(), "application/json", body);
    assertTrue(again.body().contains("\"batches\":0,\"jobsMoved\":0"), again.body());
  }
}
