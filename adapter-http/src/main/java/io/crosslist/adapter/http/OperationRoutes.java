package io.crosslist.adapter.http;

import io.crosslist.application.port.out.Readiness;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** The routes operators and load balancers use, without a token: health, metrics, the OpenAPI document and
 * the API reference page rendered from it. */
final class OperationRoutes {
  /** The longest {@code /health/ready} waits for the database. */
  static final Duration READY_TIMEOUT = Duration.ofMillis(800);
  /** How long a readiness answer is reused. */
  static final Duration READY_CACHE = Duration.ofSeconds(1);
  private final CrosslistHttpApi.Operations operations;
  private final HttpJson json;
  private final ReadinessProbe readiness;

  OperationRoutes(CrosslistHttpApi.Operations operations, HttpJson json) {
    this.operations = operations;
    this.json = json;
    this.readiness = new ReadinessProbe(operations.readiness(), READY_TIMEOUT.toNanos(), READY_CACHE.toNanos(),
        System::nanoTime);
  }

  void register(RouteTable routes) {
    routes.add(HandlerType.GET, "/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
    routes.add(HandlerType.GET, "/health/ready", this::ready);
    routes.add(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json")
        .result(CrosslistHttpApi.openApi()));
    routes.add(HandlerType.GET, "/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(referencePage()));
    routes.add(HandlerType.GET, "/metrics", ctx -> {
      String text = operations.scrape() == null ? null : operations.scrape().get();
      if (text == null) {
        throw new HttpProblem(404, "not-found", "Not found", "metrics are not exported by this server");
      }
      ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(text);
    });
  }

  /** The API reference page, rendered from the OpenAPI document at its first request. */
  private static byte[] referencePage() {
    return ReferencePage.PAGE;
  }

  private static final class ReferencePage {
    static final byte[] PAGE = ApiReferencePage.render(CrosslistHttpApi.openApi());
  }

  private void ready(Context ctx) throws IOException {
    Readiness.Status status = readiness.check();
    ctx.status(status.ready() ? 200 : 503);
    json.respond(ctx, Map.of("status", status.ready() ? "UP" : "DOWN", "detail", status.detail()));
  }
}
