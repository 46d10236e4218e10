package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static io.crosslist.bootstrap.ApiClient.assertProblem;
import static io.crosslist.bootstrap.ApiClient.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Injector;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The hardening of the HTTP API: one form per id, a problem (never a 500 or HTML) for every bad input. */
class HttpHardeningTest {
  private static final String PRODUCT = """
      {"title": "Nike Air Max 90", "price": {"amount": "89.00", "currency": "EUR"},
       "brand": "nike", "category": "womens-shoes", "condition": "very-good", "stockQuantity": 1}""";
  private static final String JSON = "Content-Type: application/json";
  private static final Persistence db = Persistence.get();
  private static Injector injector;
  private static ApiClient client;

  @BeforeAll
  static void start() {
    injector = db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule());
    client = new ApiClient(injector);
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  private static String bearer(String token) {
    return "Authorization: Bearer " + token;
  }

  private static long idOf(ApiClient.Response response) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
    assertTrue(m.find(), response.body());
    return Long.parseLong(m.group(1));
  }

  private static boolean schemaExists(String schema) throws Exception {
    try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from pg_namespace where nspname = '" + schema + "'")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }

  @Test
  void a_token_names_a_tenant_only_in_the_one_canonical_form() throws Exception {
    TenantId tenant = db.newTenant();
    long id = tenant.value();
    assertEquals(200, client.send("GET", "/products", null, bearer(token(id))).status());
    assertEquals(200, client.send("GET", "/products", null, bearer(token(Map.of("sub", id)))).status(),
        "a JSON integer claim is the same tenant");
    String arabicIndic = Long.toString(id).chars().mapToObj(c -> String.valueOf((char) ('\u0660' + c - '0')))
        .reduce("", String::concat);
    for (Object sub : List.of(arabicIndic, "+" + id, "0" + id, " " + id, id + " ", id + ".0", (double) id,
        Long.toString(id).replace("0", "０"), "-" + id, "0")) {
      ApiClient.Response refused = client.send("GET", "/products", null, bearer(token(Map.of("sub", sub))));
      assertProblem(refused, 401, "unauthorized");
      assertTrue(refused.body().contains("sub claim must be a tenant id"), refused.body());
    }
  }

  @Test
  void a_tenant_id_in_an_admin_body_or_path_has_one_form_and_nothing_is_provisioned_otherwise() throws Exception {
    String admin = ApiClient.adminToken();
    for (String body : new String[] {"{\"tenantId\":\"٧٧٧\"}", "{\"tenantId\":\"777\"}", "{\"tenantId\":88.9}",
        "{\"tenantId\":88.0}", "{\"tenantId\":8.8e1}", "{\"tenantId\":-88}", "{\"tenantId\":0}",
        "{\"tenantId\":9223372036854775808}", "{\"tenantId\":true}", "{\"tenantId\":null}", "{}"}) {
      ApiClient.Response refused = client.send("POST", "/admin/tenants", body, bearer(admin), JSON);
      assertProblem(refused, 422, "validation");
      assertTrue(refused.body().contains("\"field\":\"tenantId\""), body + " -> " + refused.body());
    }
    assertFalse(schemaExists("user_777") || schemaExists("user_88") || schemaExists("user_0"),
        "no schema was created by a refused body");
    ApiClient.Response badPath = client.send("GET", "/admin/tenants/0" + db.newTenant().value(), null, bearer(admin));
    assertProblem(badPath, 400, "invalid-parameter");
    assertTrue(badPath.body().contains("\"field\":\"id\""), badPath.body());
  }

  @Test
  void a_resource_id_in_a_path_has_one_form() throws Exception {
    TenantId tenant = db.newTenant();
    String owner = bearer(token(tenant.value()));
    long product = idOf(client.send("POST", "/products", PRODUCT, owner, JSON));
    assertEquals(200, client.send("GET", "/products/" + product, null, owner).status());
    for (String path : new String[] {"/products/0" + product, "/products/+" + product, "/products/%20" + product,
        "/products/" + product + ".0", "/products/%D9%A1", "/products/abc", "/products/0", "/jobs/01",
        "/batches/-1", "/connections/1e3", "/products/99999999999999999999"}) {
      ApiClient.Response refused = client.send("GET", path, null, owner);
      assertProblem(refused, 400, "invalid-parameter");
      assertTrue(refused.body().contains("\"field\":\"id\""), path + " -> " + refused.body());
    }
    assertProblem(client.send("GET", "/jobs?batch=07", null, owner), 422, "validation");
  }

  @Test
  void a_nul_character_anywhere_is_a_client_error_naming_the_field() throws Exception {
    String owner = bearer(token(db.newTenant().value()));
    ApiClient.Response body = client.send("POST", "/products", PRODUCT.replace("Nike Air", "Nike\\u0000Air"), owner,
        JSON);
    assertProblem(body, 422, "validation");
    assertTrue(body.body().contains("\"field\":\"title\"") && body.body().contains("U+0000"), body.body());
    ApiClient.Response nested = client.send("POST", "/products", PRODUCT.replace("\"stockQuantity\": 1",
        "\"stockQuantity\": 1, \"imageUrls\": [\"https://x.test/a\\u0000\"]"), owner, JSON);
    assertProblem(nested, 422, "validation");
    assertTrue(nested.body().contains("\"field\":\"imageUrls[0]\""), nested.body());
    ApiClient.Response query = client.send("GET", "/products?q=a%00b", null, owner);
    assertProblem(query, 400, "invalid-parameter");
    assertTrue(query.body().contains("\"field\":\"q\""), query.body());
    ApiClient.Response path = client.send("GET", "/products/1%00", null, owner);
    assertTrue(path.status() == 400 || path.status() == 404, path.toString());
    ApiClient.assertProblemBody(path);
  }

  @Test
  void times_and_numbers_outside_what_postgresql_stores_are_refused_by_field() throws Exception {
    String owner = bearer(token(db.newTenant().value()));
    for (String[] refused : new String[][] {
        {"/error-log?from=%2B1000000-01-01T00:00:00Z", "from"}, {"/error-log?to=-999999999-01-01T00:00:00Z", "to"},
        {"/error-log?from=10000-01-01", "from"}, {"/statistics?to=-999999999-01-01", "to"},
        {"/statistics?from=%2B99999-01-01", "from"}, {"/statistics?to=%2B999999999-12-31", "to"},
        {"/products?minPrice=1e999999", "minPrice"}, {"/products?maxPrice=99999999999", "maxPrice"},
        {"/products?limit=99999999999", "limit"}}) {
      ApiClient.Response response = client.send("GET", refused[0], null, owner);
      assertProblem(response, 422, "validation");
      assertTrue(response.body().contains("\"field\":\"" + refused[1] + "\""), refused[0] + " -> " + response.body());
    }
    assertEquals(200, client.send("GET", "/statistics?to=0001-01-03", null, owner).status());
    assertEquals(200, client.send("GET", "/error-log?from=0001-01-01&to=9999-12-31T23:59:59Z", null, owner)
        .status());
    ApiClient.Response farStock = client.send("POST", "/products", PRODUCT.replace("\"stockQuantity\": 1",
        "\"stockQuantity\": 99999999999"), owner, JSON);
    assertProblem(farStock, 400, "wrong-type");
    assertTrue(farStock.body().contains("\"field\":\"stockQuantity\""), farStock.body());
    ApiClient.Response fraction = client.send("POST", "/jobs", "{\"marketplace\":\"VINTED\",\"action\":\"PUBLISH\","
        + "\"productId\":1.5}", owner, JSON);
    assertProblem(fraction, 400, "wrong-type");
    ApiClient.Response farInstant = client.send("POST", "/connections", "{\"marketplace\":\"EBAY\","
        + "\"externalAccountId\":\"a\",\"displayName\":\"a\",\"accessToken\":\"t\","
        + "\"tokenExpiresAt\":\"+100000-01-01T00:00:00Z\"}", owner, JSON);
    assertProblem(farInstant, 422, "validation");
    assertTrue(farInstant.body().contains("\"field\":\"tokenExpiresAt\""), farInstant.body());
  }

  @Test
  void two_authorization_headers_are_refused_whichever_is_valid() throws Exception {
    TenantId tenant = db.newTenant();
    String valid = bearer(token(tenant.value()));
    assertProblem(client.send("GET", "/products", null, valid, "Authorization: Bearer forged"), 401, "unauthorized");
    assertProblem(client.send("GET", "/products", null, "Authorization: Bearer forged", valid), 401, "unauthorized");
    assertProblem(client.send("GET", "/products", null, valid, valid), 401, "unauthorized");
    assertProblem(client.send("GET", "/admin/tenants", null, bearer(ApiClient.adminToken()), valid), 401,
        "unauthorized");
  }

  @Test
  void invented_methods_add_no_meters() throws Exception {
    for (int i = 0; i < 25; i++) {
      ApiClient.Response response = client.send("INVENTED" + i, "/products", null);
      assertTrue(response.status() >= 400 && response.status() < 500, response.toString());
      ApiClient.assertProblemBody(response);
    }
    String scraped = client.metrics.scrape();
    assertFalse(scraped.contains("INVENTED"), "no meter is tagged with a client's method name");
    assertTrue(scraped.contains("method=\"OTHER\""), "unknown methods are counted as OTHER");
  }

  @Test
  void jettys_own_refusals_are_problems_too() throws Exception {
    ApiClient.Response longUri = client.send("GET", "/products?q=" + "x".repeat(20_000), null);
    assertProblem(longUri, 414, "uri-too-long");
    ApiClient.Response bigHeaders = client.send("GET", "/products", null, "X-Big: " + "y".repeat(20_000));
    assertProblem(bigHeaders, 431, "headers-too-large");
    ApiClient.Response garbage = client.raw("this is not http\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, garbage.status(), garbage.toString());
    ApiClient.assertProblemBody(garbage);
    ApiClient.Response badVersion = client.raw("GET /products HTTP/7.0\r\nHost: x\r\n\r\n"
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(badVersion.status() >= 400 && badVersion.status() < 600, badVersion.toString());
    ApiClient.assertProblemBody(badVersion);
  }

  @Test
  void a_client_that_disconnects_mid_body_is_logged_as_an_abort_in_one_line() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(CrosslistHttpApi.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try {
      String owner = bearer(token(db.newTenant().value()));
      try (Socket socket = new Socket("127.0.0.1", client.port)) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /products HTTP/1.1\r\nHost: x\r\n" + owner + "\r\n" + JSON + "\r\nContent-Length: 5000\r\n\r\n"
            + "{\"title\": \"half").getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(200);
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (events.list.stream().noneMatch(e -> e.getFormattedMessage().contains("route=/products"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(events.list.stream().anyMatch(e -> e.getFormattedMessage().contains("client closed the connection")),
          events.list.toString());
      assertTrue(events.list.stream().noneMatch(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null
          || e.getFormattedMessage().contains("status=500")), events.list.toString());
    } finally {
      logger.detachAppender(events);
    }
  }

  @Test
  void a_pair_no_handler_serves_is_refused_naming_it_and_the_supported_ones() throws Exception {
    String owner = bearer(token(db.newTenant().value()));
    ApiClient.Response refused = client.send("POST", "/jobs", "{\"marketplace\":\"VINTED\",\"action\":\"SYNC_ORDERS\"}",
        owner, JSON);
    assertProblem(refused, 422, "validation");
    assertTrue(refused.body().contains("no handler serves VINTED SYNC_ORDERS") && refused.body().contains("EBAY"
        + " SYNC_ORDERS") && refused.body().contains("\"field\":\"action\""), refused.body());
    ApiClient.Response inBatch = client.send("POST", "/batches", "{\"jobs\":[{\"marketplace\":\"EBAY\",\"action\":"
        + "\"SYNC_ORDERS\"},{\"marketplace\":\"VINTED\",\"action\":\"IMPORT_PRODUCTS\"}]}", owner, JSON);
    assertProblem(inBatch, 422, "validation");
    assertTrue(inBatch.body().contains("\"field\":\"jobs[1].action\""), inBatch.body());
    assertTrue(client.send("GET", "/jobs", null, owner).body().contains("\"items\":[]"), "nothing was enqueued");
  }

  @Test
  void a_jobs_result_is_a_json_object() throws Exception {
    TenantId tenant = db.newTenant();
    String owner = bearer(token(tenant.value()));
    long job = idOf(client.send("POST", "/jobs", "{\"marketplace\":\"EBAY\",\"action\":\"SYNC_ORDERS\"}", owner,
        JSON));
    MarketplaceJob stored = db.jobs.findById(tenant, JobId.of(job)).orElseThrow();
    MarketplaceJob running = db.start(tenant, stored, "test");
    db.jobs.transition(tenant, running, running.complete("{\"orders\": 2, \"new\": 1}", Instant.now()));
    String body = client.send("GET", "/jobs/" + job, null, owner).body();
    assertTrue(body.contains("\"result\":{") && body.contains("\"orders\":2") && body.contains("\"new\":1"), body);
  }

  @Test
  void connecting_an_account_on_a_server_without_a_secret_keyset_is_refused_naming_the_setting() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(io.crosslist.adapter.persistence.PersistenceModule.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try (var persistence = new io.crosslist.adapter.persistence.PersistenceModule(
        TestDatabase.pooled(io.crosslist.adapter.persistence.PersistenceSettings.forJdbcUrl(TestDatabase.get().jdbcUrl()))
            .withMaximumPoolSize(2).withMigrateOnStart(false))) {
      Injector noKeyset = com.google.inject.Guice.createInjector(persistence, new CrosslistModule(),
          new io.crosslist.adapter.http.CrosslistHttpModule());
      assertTrue(events.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
          && e.getFormattedMessage().contains("no secret keyset is configured")), "a warning at start");
      try (ApiClient keyless = new ApiClient(noKeyset)) {
        String owner = bearer(token(db.newTenant().value()));
        ApiClient.Response refused = keyless.send("POST", "/connections", "{\"marketplace\":\"EBAY\","
            + "\"externalAccountId\":\"shop\",\"displayName\":\"Shop\",\"accessToken\":\"t\","
            + "\"tokenExpiresAt\":\"2030-01-01T00:00:00Z\"}", owner, JSON);
        assertProblem(refused, 503, "secrets-not-configured");
        assertTrue(refused.body().contains("CROSSLIST_SECRET_KEYSET"), refused.body());
      }
    } finally {
      logger.detachAppender(events);
    }
  }

  @Test
  void a_body_over_the_limit_is_413() throws Exception {
    String owner = bearer(token(db.newTenant().value()));
    byte[] body = ("{\"title\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] head = ("POST /products HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + owner + "\r\n" + JSON
        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    assertProblem(client.rawWhileSending(request), 413, "body-too-large");
  }

  @Test
  void the_largest_batch_the_schema_allows_fits_the_body_limit() throws Exception {
    String owner = bearer(token(db.newTenant().value()));
    StringBuilder jobs = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      String key = String.format("%04d", i) + "k".repeat(196);
      jobs.append(i == 0 ? "" : ", ").append("{\"marketplace\": \"EBAY\", \"action\": \"SYNC_ORDERS\", "
          + "\"priority\": -100, \"idempotencyKey\": \"").append(key).append("\"}");
    }
    String body = "{\"description\": \"" + "d".repeat(200) + "\", \"jobs\": [" + jobs + "]}";
    assertTrue(body.length() > 250_000, "a body far over the old 64 KiB limit: " + body.length());
    ApiClient.Response created = client.send("POST", "/batches", body, owner, JSON);
    assertEquals(201, created.status(), created.body());
    assertTrue(created.body().contains("\"total\":1000"), created.body());
  }
}
