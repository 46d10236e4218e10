package io.crosslist.adapter.http;

import static io.crosslist.adapter.http.RequestPipeline.tenant;

import io.crosslist.adapter.http.ConnectionJson.ConnectBody;
import io.crosslist.adapter.http.ConnectionJson.ConnectionBody;
import io.crosslist.domain.connection.ConnectionId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/** {@code /connections...}: a tenant's marketplace connections (secrets go in, never out). */
final class ConnectionRoutes {
  private final ConnectionPorts ports;
  private final HttpJson json;

  ConnectionRoutes(ConnectionPorts ports, HttpJson json) {
    this.ports = ports;
    this.json = json;
  }

  void register(RouteTable routes, RequestPipeline pipeline) {
    routes.before("/connections", pipeline::authenticate);
    routes.add(HandlerType.GET, "/connections", ctx -> json.respond(ctx, ports.get().list(tenant(ctx)).stream()
        .map(ConnectionBody::of).toList()));
    routes.add(HandlerType.POST, "/connections", ctx -> {
      ConnectionBody created = ConnectionBody.of(ports.connect().connect(
          json.read(ctx, ConnectBody.class).toCommand(tenant(ctx))));
      ctx.status(201).header("Location", "/connections/" + created.id());
      json.respond(ctx, created);
    });
    routes.add(HandlerType.GET, "/connections/{id}", ctx -> json.respond(ctx, ConnectionBody.of(
        ports.get().get(tenant(ctx), connectionId(ctx)))));
    routes.add(HandlerType.DELETE, "/connections/{id}", ctx -> json.respond(ctx, ConnectionBody.of(
        ports.disconnect().disconnect(tenant(ctx), connectionId(ctx)))));
  }

  private static ConnectionId connectionId(Context ctx) {
    return ConnectionId.of(Requests.pathId(ctx));
  }
}
