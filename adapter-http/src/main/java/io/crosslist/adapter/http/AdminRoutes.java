package io.crosslist.adapter.http;

import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.InvalidTenantIdException;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The handlers of {@code /admin/tenants...}: tenant administration for tokens with the admin claim. */
final class AdminRoutes {
  private final HttpJson json;
  private final TenantPorts tenants;
  private final TenantGate gate;
  private final FleetRoutes fleet;

  AdminRoutes(HttpJson json, TenantPorts tenants, TenantGate gate) {
    this.json = json;
    this.tenants = tenants;
    this.gate = gate;
    this.fleet = new FleetRoutes(json, tenants.fleet());
  }

  /** The admin routes; the caller has put admin authentication before {@code /admin}. */
  void register(RouteTable routes) {
    routes.add(HandlerType.POST, "/admin/tenants", this::provision);
    routes.add(HandlerType.GET, "/admin/tenants", this::list);
    routes.add(HandlerType.GET, "/admin/tenants/{id}", this::get);
    routes.add(HandlerType.POST, "/admin/tenants/{id}/suspend", this::suspend);
    routes.add(HandlerType.POST, "/admin/tenants/{id}/reactivate", this::reactivate);
    routes.add(HandlerType.DELETE, "/admin/tenants/{id}", this::drop);
    fleet.register(routes);
  }

  /** A tenant as the admin routes show it. */
  record TenantView(long id, String schema, String status, int schemaVersion, Instant createdAt, Instant updatedAt) {
    static TenantView of(Tenant t) {
      return new TenantView(t.id().value(), t.id().schemaName(), t.status().name(), t.schemaVersion(), t.createdAt(),
          t.updatedAt());
    }
  }

  /** The body of POST /admin/tenants: the tenant id as a JSON integer, in its one canonical form. */
  record ProvisionBody(@Required TenantId tenantId) {}

  void provision(Context ctx) throws IOException {
    TenantId tenant = json.read(ctx, ProvisionBody.class).tenantId();
    if (tenant == null) {
      throw ValidationException.of("tenantId", "is required");
    }
    var result = tenants.provision().provision(tenant);
    ctx.status(result.created() ? 201 : 200);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenantId", tenant.value());
    body.put("schema", tenant.schemaName());
    body.put("created", result.created());
    body.put("fromVersion", result.fromVersion());
    body.put("toVersion", result.toVersion());
    json.respond(ctx, body);
  }

  void list(Context ctx) throws IOException {
    Page<Tenant> page = tenants.list().list(Requests.query(ctx, "cursor", PageCursor::decode),
        Requests.limit(ctx, io.crosslist.application.tenant.ListTenantsUseCase.DEFAULT_LIMIT));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(TenantView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    json.respond(ctx, body);
  }

  void get(Context ctx) throws IOException {
    TenantId tenant = tenantId(ctx);
    json.respond(ctx, TenantView.of(tenants.get().find(tenant).orElseThrow(AdminRoutes::unknownTenant)));
  }

  void suspend(Context ctx) throws IOException {
    changeStatus(ctx, TenantStatus.SUSPENDED);
  }

  void reactivate(Context ctx) throws IOException {
    changeStatus(ctx, TenantStatus.ACTIVE);
  }

  /** Drops a suspended tenant: its schema and everything the shared schema holds for it (409 while it is active). */
  private void drop(Context ctx) {
    tenants.drop().drop(tenantId(ctx));
    ctx.status(204);
  }

  private void changeStatus(Context ctx, TenantStatus status) throws IOException {
    Tenant changed = tenants.changeStatus().changeStatus(tenantId(ctx), status);
    gate.changed(changed);
    json.respond(ctx, TenantView.of(changed));
  }

  /** The {@code {id}} path parameter, through {@link TenantId#parse} (400 naming {@code id} when it is not one). */
  private static TenantId tenantId(Context ctx) {
    try {
      return TenantId.parse(ctx.pathParam("id"));
    } catch (InvalidTenantIdException e) {
      throw new HttpProblem(400, "invalid-parameter", "Invalid parameter", "the path parameter id is not a tenant id",
          List.of(new HttpProblem.FieldError("id", CanonicalId.RULE)));
    }
  }

  private static HttpProblem unknownTenant() {
    return new HttpProblem(404, "not-found", "Not found", "no such tenant");
  }
}
