package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.crosslist.adapter.http.CrosslistHttpModule;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The suggestion routes over real HTTP, with the offline suggester (the default) and PostgreSQL behind them. */
class SuggestionApiTest {
  private static final String PRODUCT = """
      {"title": "Air Max 90 sneakers", "description": "Worn twice.", "price": {"amount": "89.00", "currency": "EUR"},
       "brand": "nike", "category": "womens-shoes", "condition": "very-good", "size": "eu-38", "stockQuantity": 1}""";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Persistence db = Persistence.get();
  private static Injector injector;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    injector = db.injector.createChildInjector(new CrosslistModule(), new CrosslistHttpModule());
    api = new ApiClient(injector);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static ApiClient.Response call(String method, String path, String token, String body) throws Exception {
    return body == null ? api.send(method, path, null, "Authorization: Bearer " + token)
        : api.send(method, path, body, "Authorization: Bearer " + token, "Content-Type: application/json");
  }

  private static JsonNode ok(ApiClient.Response response, int status) throws Exception {
    assertEquals(status, response.status(), response.body());
    return JSON.readTree(response.body());
  }

  private static void problem(ApiClient.Response response, int status, String type, String text) {
    assertEquals(status, response.status(), response.body());
    assertTrue(response.body().contains("\"type\":\"https://crosslist.io/problems/" + type + "\""), response.body());
    assertTrue(response.body().contains(text), response.body());
  }

  private static String tenantToken() throws Exception {
    TenantId tenant = db.newTenant();
    return ApiClient.token(tenant.value());
  }

  private static long product(String token) throws Exception {
    return ok(call("POST", "/products", token, PRODUCT), 201).get("id").asLong();
  }

  @Test
  void suggestions_are_made_listed_applied_once_and_discarded() throws Exception {
    String token = tenantToken();
    long id = product(token);
    JsonNode made = ok(call("POST", "/products/" + id + "/suggestions", token,
        "{\"marketplaces\":[\"ebay\",\"ETSY\"]}"), 201);
    assertEquals(2, made.size());
    JsonNode ebay = made.get(0);
    assertEquals("EBAY", ebay.get("marketplace").asText());
    assertEquals("Nike Air Max 90 sneakers size EU-38", ebay.get("title").asText());
    assertEquals("offline", ebay.get("source").asText());
    assertEquals(0, ebay.get("tokenUsage").get("prompt").asInt());
    assertEquals("SUGGESTED", ebay.get("status").asText());
    assertEquals("nike", ebay.get("attributes").get("brand").asText());
    assertTrue(ebay.get("jobId").isNull());
    assertEquals("Air Max 90 sneakers", ok(call("GET", "/products/" + id, token, null), 200).get("title").asText(),
        "suggesting changes nothing");

    JsonNode listed = ok(call("GET", "/products/" + id + "/suggestions", token, null), 200);
    assertEquals(made.get(1).get("id"), listed.get(0).get("id"), "newest first");
    assertEquals(0, ok(call("GET", "/products/" + id + "/suggestions?status=applied", token, null), 200).size());

    ApiClient.Response applied = call("POST", "/products/" + id + "/suggestions/" + ebay.get("id") + "/apply", token,
        null);
    JsonNode product = ok(applied, 200);
    assertEquals("Nike Air Max 90 sneakers size EU-38", product.get("title").asText());
    assertEquals("\"1\"", applied.header("ETag"));
    problem(call("POST", "/products/" + id + "/suggestions/" + ebay.get("id") + "/apply", token, null), 409,
        "suggestion-decided", "APPLIED already");
    // the ETSY one was made from version 0; the product is at version 1 now
    problem(call("POST", "/products/" + id + "/suggestions/" + made.get(1).get("id") + "/apply", token, null), 409,
        "suggestion-stale", "ask for a new suggestion");
    JsonNode discarded = ok(call("POST", "/products/" + id + "/suggestions/" + made.get(1).get("id") + "/discard",
        token, null), 200);
    assertEquals("DISCARDED", discarded.get("status").asText());
    assertFalse(discarded.get("decidedAt").isNull());
  }

  @Test
  void bad_requests_name_the_field_and_the_rule() throws Exception {
    String token = tenantToken();
    long id = product(token);
    String path = "/products/" + id + "/suggestions";
    problem(call("POST", path, token, "{}"), 422, "validation", "\"field\":\"marketplaces\"");
    problem(call("POST", path, token, "{\"marketplaces\":[]}"), 422, "validation", "must name 1 to 10 marketplaces");
    problem(call("POST", path, token, "{\"marketplaces\":[\"EBAY\",\"EBAY\"]}"), 422, "validation", "each once");
    problem(call("POST", path, token, "{\"marketplaces\":[\"e bay\"]}"), 422, "validation",
        "\"field\":\"marketplaces[0]\"");
    problem(call("POST", path, token, "{\"marketplaces\":[\"EBAY\"],\"fields\":[\"price\"]}"), 422, "validation",
        "must name fields among title, description, attributes");
    problem(call("POST", path, token, "{\"marketplaces\":[\"EBAY\"],\"model\":\"x\"}"), 400, "unknown-field", "model");
    problem(call("POST", "/products/999999/suggestions", token, "{\"marketplaces\":[\"EBAY\"]}"), 404, "not-found",
        "no such product");
    problem(call("POST", path + "/999999/apply", token, null), 404, "not-found", "no such suggestion");
    problem(call("POST", path + "/007/apply", token, null), 400, "invalid-parameter", "suggestionId");
    problem(call("GET", path + "?status=maybe", token, null), 422, "validation", "must be one of");
    problem(call("POST", "/suggestions/jobs", token, "{\"marketplace\":\"EBAY\"}"), 422, "validation",
        "give either productIds or status");
    problem(call("POST", "/suggestions/jobs", token, "{\"marketplace\":\"EBAY\",\"productIds\":[0]}"), 422,
        "validation", "\"field\":\"productIds[0]\"");
    problem(call("POST", "/suggestions/jobs", token, "{\"marketplace\":\"EBAY\",\"productIds\":[999999]}"), 422,
        "validation", "names no live product");
    problem(call("POST", "/suggestions/jobs", token, "{\"marketplace\":\"DEPOP\",\"productIds\":[" + id + "]}"),
        422, "validation", "no suggestion job serves DEPOP here");
    assertEquals(401, api.send("GET", path, null).status());
  }

  @Test
  void a_bulk_job_shows_its_progress_and_report_through_the_jobs_api() throws Exception {
    String token = tenantToken();
    long first = product(token);
    long second = product(token);
    ApiClient.Response started = call("POST", "/suggestions/jobs", token, "{\"marketplace\":\"vinted\",\"productIds\":["
        + first + "," + second + "],\"fields\":[\"title\"]}");
    JsonNode job = ok(started, 201);
    assertEquals("SUGGEST_LISTINGS", job.get("action").asText());
    assertEquals("VINTED", job.get("marketplace").asText());
    assertEquals("/jobs/" + job.get("id").asLong(), started.header("Location"));

    JobExecutionService engine = injector.getInstance(JobExecutionService.class);
    ClaimRequest claim = new ClaimRequest(20, 20, 100, Duration.ofMinutes(5), Marketplace.BUILT_IN);
    JsonNode done = null;
    for (int i = 0; i < 500 && (done == null || !done.get("status").asText().equals("COMPLETED")); i++) {
      List<ClaimedJob> claimed = engine.claim("suggestion-test", claim);
      claimed.forEach(engine::run);
      Thread.sleep(claimed.isEmpty() ? 10 : 0);
      done = ok(call("GET", "/jobs/" + job.get("id").asLong(), token, null), 200);
    }
    assertEquals("COMPLETED", done.get("status").asText(), done.toString());
    assertEquals(2, done.get("progress").get("done").asInt());
    assertEquals(2, done.get("progress").get("total").asInt());
    assertEquals("suggested 2, failed 0 of 2", done.get("progress").get("message").asText());
    assertEquals(JSON.readTree("{\"requested\":2,\"suggested\":2,\"failed\":0,\"failures\":[]}"), done.get("result"));
    JsonNode suggestion = ok(call("GET", "/products/" + second + "/suggestions", token, null), 200).get(0);
    assertEquals(job.get("id").asLong(), suggestion.get("jobId").asLong());
    assertTrue(suggestion.get("description").isNull(), "only the title was asked for");
  }

  @Test
  void a_failing_suggester_is_a_502_or_a_503_with_retry_after_and_nothing_is_stored() throws Exception {
    ListingSuggester[] behaviour = {request -> {
      throw new SuggestionFailedException(false, "malformed answer: the answer has no choices");
    }};
    Injector failing = db.injector.createChildInjector(CrosslistModule.builder()
        .suggester(request -> behaviour[0].suggest(request)).build(), new CrosslistHttpModule());
    try (ApiClient other = new ApiClient(failing)) {
      String token = tenantToken();
      long id = ok(other.send("POST", "/products", PRODUCT, "Authorization: Bearer " + token,
          "Content-Type: application/json"), 201).get("id").asLong();
      String path = "/products/" + id + "/suggestions";
      problem(other.send("POST", path, "{\"marketplaces\":[\"EBAY\"]}", "Authorization: Bearer " + token,
          "Content-Type: application/json"), 502, "suggestion-failed", "the answer has no choices");
      behaviour[0] = request -> {
        throw new SuggestionFailedException(true, "stub at 127.0.0.1: HTTP 429 (after 3 attempts)");
      };
      ApiClient.Response unavailable = other.send("POST", path, "{\"marketplaces\":[\"EBAY\"]}",
          "Authorization: Bearer " + token, "Content-Type: application/json");
      problem(unavailable, 503, "suggester-unavailable", "HTTP 429");
      assertEquals("5", unavailable.header("Retry-After"));
      assertEquals("[]", other.send("GET", path, null, "Authorization: Bearer " + token).body());
    }
  }
}
