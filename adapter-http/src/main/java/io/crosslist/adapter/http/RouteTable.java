package io.crosslist.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/** Where the resource classes register their routes; it remembers them, so the API can list exactly what it serves. */
final class RouteTable {
  private final JavalinConfig config;
  private final List<String> served = new ArrayList<>();

  RouteTable(JavalinConfig config) {
    this.config = config;
  }

  void add(HandlerType method, String path, Handler handler) {
    served.add(method.name() + " " + path);
    config.routes.addHttpHandler(method, path, handler);
  }

  /** Runs {@code filter} before every route under {@code prefix} (authentication, for example). */
  void before(String prefix, Handler filter) {
    config.routes.before(prefix + "*", filter);
  }

  List<String> served() {
    return List.copyOf(served);
  }
}
