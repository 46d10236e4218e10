package io.crosslist.adapter.http;

import io.crosslist.domain.tenant.TenantId;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request goes through before and after its route: a request id, the input checks no route
 * may forget (no NUL character in the path or query), authentication (the tenant comes only from the
 * verified token), and one log line and latency sample per request with bounded tags.
 */
final class RequestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(CrosslistHttpApi.class);
  private static final String TENANT = "crosslist.tenant";
  private static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** The methods the metrics name; any other method is tagged {@code OTHER}, so a client cannot add meters. */
  private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
      "OPTIONS");
  private final BearerTokens tokens;
  private final TenantGate gate;
  private final MeterRegistry registry;
  /** The request timers by "method route status": found by one map lookup instead of a registry builder. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  RequestPipeline(BearerTokens tokens, TenantGate gate, MeterRegistry registry) {
    this.tokens = tokens;
    this.gate = gate;
    this.registry = registry;
  }

  /** The tenant of an authenticated tenant route. */
  static TenantId tenant(Context ctx) {
    return java.util.Objects.requireNonNull(ctx.attribute(TENANT), "authenticated tenant");
  }

  /** The request's id, for log lines ({@code -} before one was given). */
  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID);
    return id == null ? "-" : id;
  }

  /** Before every route: echoes a sane {@code X-Request-Id} or makes one; refuses a NUL in the path or query. */
  void begin(Context ctx) {
    String given = ctx.header(REQUEST_ID);
    // 64 random bits are plenty to tell requests apart; UUID.randomUUID would serialize every request on
    // the one SecureRandom (measured: the most contended lock under load)
    String id = given != null && SANE_REQUEST_ID.matcher(given).matches() ? given
        : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    ctx.attribute(REQUEST_ID, id);
    ctx.header(REQUEST_ID, id);
    if (ctx.path().indexOf('\0') >= 0) {
      throw new HttpProblem(400, "invalid-parameter", "Invalid parameter", "the path is invalid",
          List.of(new HttpProblem.FieldError("path", HttpJson.NUL_RULE)));
    }
    for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
        throw new HttpProblem(400, "invalid-parameter", "Invalid parameter", "a query parameter is invalid",
            List.of(new HttpProblem.FieldError(parameter.getKey().replace('\0', '?'), HttpJson.NUL_RULE)));
      }
    }
  }

  /** The tenant routes: a valid token whose tenant is provisioned and active (401 and 403 otherwise). */
  void authenticate(Context ctx) {
    TenantId tenant = tokens.callerOf(authorization(ctx)).tenant();
    ctx.attribute(TENANT, tenant);
    gate.admit(tenant);
  }

  /** The admin routes: a valid token whose admin claim is {@code true}; any other valid token gets 403. */
  void authenticateAdmin(Context ctx) {
    if (!tokens.callerOf(authorization(ctx)).admin()) {
      throw new HttpProblem(403, "forbidden", "Forbidden", "this route needs a token with the admin claim");
    }
  }

  /** The one {@code Authorization} header; two are refused rather than trusting either. */
  private static String authorization(Context ctx) {
    List<String> values = Collections.list(ctx.req().getHeaders("Authorization"));
    if (values.size() > 1) {
      throw new HttpProblem(401, "unauthorized", "Unauthorized", "send exactly one Authorization header");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  /** One structured line per request, and the latency timer by route template (never the raw path or method). */
  void end(Context ctx, Float millis) {
    var endpoint = ctx.endpoints().lastHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    String method = ctx.method().name().toUpperCase(Locale.ROOT);
    String methodTag = KNOWN_METHODS.contains(method) ? method : "OTHER";
    int status = ctx.statusCode();
    timers.computeIfAbsent(methodTag + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
        .tag("method", methodTag).tag("route", route).tag("status", String.valueOf(status))
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    if (!LOG.isInfoEnabled()) {
      return;
    }
    TenantId tenant = ctx.attribute(TENANT);
    LOG.info("request id={} method={} route={} status={} tenant={} ms={}", requestId(ctx), methodTag, route, status,
        tenant == null ? "-" : tenant.value(), String.format(Locale.ROOT, "%.1f", millis));
  }
}
