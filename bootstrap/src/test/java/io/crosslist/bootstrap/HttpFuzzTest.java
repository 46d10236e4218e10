package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.domain.tenant.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A seeded, bounded fuzz of every route of the OpenAPI document: random methods, ids, malformed and
 * oversized bodies, wrong content types, bad query values, non-ASCII and control characters, duplicate and
 * broken {@code Authorization} headers. No answer may be a 5xx; every error is a problem without stack
 * trace or SQL; the server is healthy afterwards. The seed is printed: replay a failure with
 * {@code -Dcrosslist.fuzz.seed=N} (and {@code -Dcrosslist.fuzz.requests=N} to change the count).
 */
class HttpFuzzTest {
  private static final Persistence db = Persistence.get();
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
      "QUERY", "FOO", "get", "M-SEARCH", "PROPFIND"};
  private static final String[] QUERY_NAMES = {"status", "brand", "category", "q", "minPrice", "maxPrice", "cursor",
      "limit", "marketplace", "action", "batch", "from", "to", "tenant", "id", "%00", "é"};
  private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
      "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/jsonx",
      "", "application/problem+json", "multipart/form-data; boundary=x"};
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private final SplittableRandom random;
  private final long seed;
  private final List<String> known = new ArrayList<>(List.of("1", "2"));

  HttpFuzzTest() {
    seed = Long.getLong("crosslist.fuzz.seed", System.nanoTime());
    random = new SplittableRandom(seed);
  }

  private record Route(String method, String path) {}

  private static List<Route> documentedRoutes() throws IOException {
    JsonNode paths = new ObjectMapper().readTree(CrosslistHttpApi.openApi()).get("paths");
    List<Route> routes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fieldNames().forEachRemaining(m -> routes.add(new Route(m.toUpperCase(Locale.ROOT),
          path.getKey())));
    }
    return routes;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private String id() {
    return switch (random.nextInt(16)) {
      case 0, 1, 2, 3, 4 -> known.get(random.nextInt(known.size()));
      case 5 -> Long.toString(random.nextLong(1, 1_000_000));
      case 6 -> "0";
      case 7 -> "-1";
      case 8 -> "007";
      case 9 -> "abc";
      case 10 -> "99999999999999999999999";
      case 11 -> "%00";
      case 12 -> "%D9%A1%D9%A2";
      case 13 -> "1.5";
      case 14 -> "%2B1";
      default -> "%F0%9F%98%80" + "x".repeat(random.nextInt(300));
    };
  }

  private String queryValue() {
    return switch (random.nextInt(20)) {
      case 0 -> "";
      case 1 -> "%00";
      case 2 -> "a%01b%0A%0D";
      case 3 -> "%C3%A9%E2%82%AC";
      case 4 -> "%FF%FE";
      case 5 -> "-999999999-01-01";
      case 6 -> "%2B999999999-12-31T00:00:00Z";
      case 7 -> "2026-12-01";
      case 8 -> "2026-12-01T09:30:00Z";
      case 9 -> "1e999999";
      case 10 -> "-1";
      case 11 -> "99999999999999999999";
      case 12 -> "PUBLISHED";
      case 13 -> "vinted";
      case 14 -> "x".repeat(random.nextInt(2_000));
      case 15 -> "NaN";
      case 16 -> "%27%3B%20drop%20schema%20public%3B--";
      case 17 -> Long.toString(random.nextLong(1, 100));
      case 18 -> "c1";
      default -> "%25%24%7Btenant%7D";
    };
  }

  private String path(String template) {
    String path = template.replace("{id}", id());
    if (chance(0.03)) {
      path = path + pick(new String[] {"/", "//", "/..", "%2F..", "/extra", ";x=1", "%00"});
    }
    if (chance(0.5)) {
      StringBuilder query = new StringBuilder("?");
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        query.append(i == 0 ? "" : "&").append(pick(QUERY_NAMES)).append('=').append(queryValue());
      }
      path += query;
    }
    return path;
  }

  private String jsonString() {
    return switch (random.nextInt(12)) {
      case 0 -> "\"\"";
      case 1 -> "\"a\\u0000b\"";
      case 2 -> "\"\\u0001\\u001f\\ud800\"";
      case 3 -> "\"" + "é€😀".repeat(random.nextInt(3_000)) + "\"";
      case 4 -> "\"${tenant}\"";
      case 5 -> "\"VINTED\"";
      case 6 -> "\"PUBLISH\"";
      case 7 -> "\"+100000-01-01T00:00:00Z\"";
      case 8 -> "\"2027-01-01T00:00:00Z\"";
      case 9 -> "\"nike\"";
      case 10 -> "\"EUR\"";
      default -> "\"' or 1=1 --\"";
    };
  }

  private String jsonValue(int depth) {
    return switch (random.nextInt(depth > 3 ? 9 : 12)) {
      case 0 -> "null";
      case 1 -> "true";
      case 2 -> Long.toString(random.nextLong());
      case 3 -> "1.5";
      case 4 -> "1e400";
      case 5 -> "-0";
      case 6 -> "99999999999999999999999999";
      case 7, 8 -> jsonString();
      case 9 -> "[" + jsonValue(depth + 1) + "," + jsonValue(depth + 1) + "]";
      default -> jsonObject(depth + 1);
    };
  }

  private static final String[] FIELDS = {"title", "description", "price", "amount", "currency", "brand", "category",
      "condition", "size", "colour", "stockQuantity", "imageUrls", "status", "marketplace", "action", "productId",
      "priority", "idempotencyKey", "jobs", "tenantId", "externalAccountId", "displayName", "accessToken",
      "refreshToken", "tokenExpiresAt", "scopes", "sessionCookies", "unknown", "id"};

  private String jsonObject(int depth) {
    StringBuilder json = new StringBuilder("{");
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(pick(FIELDS)).append("\":").append(jsonValue(depth));
    }
    return json.append('}').toString();
  }

  private static final String[] VALID_BODIES = {
      "{\"title\":\"Fuzz\",\"price\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"brand\":\"nike\",\"category\":"
          + "\"womens-shoes\",\"condition\":\"very-good\",\"stockQuantity\":1}",
      "{\"marketplace\":\"EBAY\",\"action\":\"SYNC_ORDERS\"}",
      "{\"marketplace\":\"VINTED\",\"action\":\"PUBLISH\",\"productId\":1}",
      "{\"jobs\":[{\"marketplace\":\"EBAY\",\"action\":\"SYNC_ORDERS\"}]}",
      "{\"status\":\"PUBLISHED\"}",
      "{\"marketplace\":\"EBAY\",\"externalAccountId\":\"acct\",\"displayName\":\"Shop\",\"accessToken\":\"t\","
          + "\"tokenExpiresAt\":\"2030-01-01T00:00:00Z\"}",
      "{\"tenantId\":424242}"};

  /** The valid body of a route (index into {@link #VALID_BODIES}), or -1 for a route that takes none. */
  private static int validBodyOf(String path) {
    return switch (path) {
      case "/products", "/products/{id}" -> 0;
      case "/jobs" -> 1;
      case "/batches" -> 3;
      case "/products/{id}/status" -> 4;
      case "/connections" -> 5;
      case "/admin/tenants" -> 6;
      default -> -1;
    };
  }

  private String baseBody(String path) {
    int own = validBodyOf(path);
    if (own < 0 || chance(0.3)) {
      return pick(VALID_BODIES);
    }
    return own == 1 && chance(0.5) ? VALID_BODIES[2] : VALID_BODIES[own];
  }

  private byte[] body(String path) {
    String body = switch (random.nextInt(10)) {
      case 0 -> baseBody(path);
      case 1, 2, 3 -> mutatedField(baseBody(path));
      case 9 -> {
        String valid = baseBody(path);
        yield valid.substring(0, random.nextInt(valid.length()));
      }
      case 4 -> jsonValue(0);
      case 5 -> "[" + jsonObject(0) + "]";
      case 6 -> "{".repeat(random.nextInt(1, 3_000));
      case 7 -> mutatedField(pick(VALID_BODIES));
      case 8 -> null;
      default -> chance(0.5) ? jsonObject(0) : "{\"x\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
    };
    if (body == null) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      return bytes;
    }
    if (chance(0.02)) {
      body = body + " ".repeat(1_100_000); // over the body limit
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** A valid body with one field (maybe nested) replaced by a random value: reaches the rules past JSON parsing. */
  private String mutatedField(String valid) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      JsonNode root = mapper.readTree(valid);
      com.fasterxml.jackson.databind.node.ObjectNode target = (com.fasterxml.jackson.databind.node.ObjectNode) root;
      if (root.has("price") && chance(0.3)) {
        target = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("price");
      } else if (root.has("jobs") && chance(0.5)) {
        target = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("jobs").get(0);
      }
      List<String> names = new ArrayList<>();
      target.fieldNames().forEachRemaining(names::add);
      String name = chance(0.8) ? names.get(random.nextInt(names.size())) : pick(FIELDS);
      String value = switch (random.nextInt(6)) {
        case 0 -> "\"" + "w".repeat(random.nextInt(1, 20_000)) + "\"";
        case 1 -> "\"" + "ü😀\\u0007".repeat(random.nextInt(1, 2_000)) + "\"";
        case 2 -> Long.toString(random.nextLong());
        case 3 -> "[" + "\"x\",".repeat(random.nextInt(200)) + "\"y\"]";
        default -> jsonValue(0);
      };
      target.set(name, mapper.readTree(value));
      return mapper.writeValueAsString(root);
    } catch (IOException | RuntimeException e) { // a value Jackson itself refuses: send it as text instead
      return valid.replaceFirst(":", ":" + Matcher.quoteReplacement(jsonValue(0)) + ",\"x\":");
    }
  }

  private byte[] request(Route route, String token, String adminToken) throws IOException {
    String method = chance(0.8) ? route.method() : pick(METHODS);
    String target = path(route.path());
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    switch (random.nextInt(20)) {
      case 0 -> { }
      case 1 -> head.append("Authorization: Bearer garbage\r\n");
      case 2 -> head.append("Authorization: Bearer ").append(token).append("\r\nAuthorization: Bearer ").append(token)
          .append("\r\n");
      case 3 -> head.append("Authorization: Basic dXNlcjpwYXNz\r\n");
      case 4, 5 -> head.append("Authorization: Bearer ").append(adminToken).append("\r\n");
      default -> head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (chance(0.1)) {
      head.append("If-Match: ").append(pick(new String[] {"\"0\"", "\"1\"", "abc", "\"99999999999999999999\"", "*",
          "\"-1\""})).append("\r\n");
    }
    if (chance(0.05)) {
      head.append("X-Request-Id: ").append(pick(new String[] {"ok-1", "é", "x".repeat(500), "\t"})).append("\r\n");
    }
    byte[] body = method.equals("GET") && chance(0.8) ? new byte[0] : body(route.path());
    String contentType = chance(0.6) ? "application/json" : pick(CONTENT_TYPES);
    if (!contentType.isEmpty()) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body.length > 0 || chance(0.2)) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    out.write(body);
    return out.toByteArray();
  }

  @Test
  void ten_thousand_random_requests_get_no_5xx_and_only_problems_as_errors() throws Exception {
    int count = Integer.getInteger("crosslist.fuzz.requests", 10_000);
    System.out.println("fuzz seed: " + seed + " (replay with -Dcrosslist.fuzz.seed=" + seed + "), requests: " + count);
    TenantId tenant = db.newTenant();
    String token = ApiClient.token(tenant.value());
    String adminToken = ApiClient.token(Map.of("sub", Long.toString(tenant.value()), "admin", true));
    List<Route> routes = documentedRoutes();
    Map<Integer, Integer> statuses = new TreeMap<>();
    try (ApiClient client = new ApiClient(db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule()))) {
      for (int i = 0; i < count; i++) {
        Route route = i < routes.size() ? routes.get(i) : routes.get(random.nextInt(routes.size()));
        byte[] request = request(route, token, adminToken);
        ApiClient.Response response;
        try {
          response = client.raw(request);
        } catch (IOException e) {
          // the server may close early on a request it refused before reading all of it; that is no answer to check
          continue;
        }
        statuses.merge(response.status(), 1, Integer::sum);
        String shown = new String(request, 0, Math.min(request.length, 400), StandardCharsets.UTF_8);
        if (response.status() >= 500) {
          fail("seed " + seed + ", request " + i + " answered " + response.status() + ":\n" + shown + "\n-> "
              + response.body());
        }
        if (response.status() >= 400 && !response.body().isEmpty()) {
          try {
            ApiClient.assertProblemBody(response);
          } catch (AssertionError e) {
            fail("seed " + seed + ", request " + i + ": " + e.getMessage() + "\n" + shown);
          }
        }
        Matcher id = ID.matcher(response.status() == 201 ? response.body() : "");
        if (id.find() && known.size() < 50) {
          known.add(id.group(1));
        }
      }
      System.out.println("fuzz statuses: " + statuses);
      assertEquals(200, client.send("GET", "/health/ready", null).status(), "healthy after the fuzz");
      assertEquals(200, client.send("GET", "/products", null, "Authorization: Bearer " + token).status());
      assertTrue(statuses.values().stream().mapToInt(Integer::intValue).sum() > count * 9 / 10,
          "most requests were answered: " + statuses);
    }
  }
}
