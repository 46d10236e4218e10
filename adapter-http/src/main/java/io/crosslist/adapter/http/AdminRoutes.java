package io.crosslist.adapter.http;

import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The handlers of {@code /admin/tenants...}: tenant administration for tokens with the admin claim. */
final class AdminRoutes {
  private final CrosslistHttpApi api;
  private final TenantPorts tenants;
  private final TenantGate gate;

  AdminRoutes(CrosslistHttpApi api, TenantPorts tenants, TenantGate gate) {
    this.api = api;
    this.tenants = tenants;
    this.gate = gate;
  }

  /** A tenant as the admin routes show it. */
  record TenantView(long id, String schema, String status, int schemaVersion, Instant createdAt, Instant updatedAt) {
    static TenantView of(Tenant t) {
      return new TenantView(t.id().value(), t.id().schemaName(), t.status().name(), t.schemaVersion(), t.createdAt(),
          t.updatedAt());
    }
  }

  /** The body of POST /admin/tenants. */
  record ProvisionBody(Long tenantId) {}

  void provision(Context ctx) throws IOException {
    Long id = api.read(ctx, ProvisionBody.class).tenantId();
    TenantId tenant;
    try {
      tenant = TenantId.of(id == null ? 0 : id);
    } catch (RuntimeException e) {
      throw ValidationException.of("tenantId", "must be a positive user id");
    }
    var result = tenants.provision().provision(tenant);
    ctx.status(result.created() ? 201 : 200);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenantId", tenant.value());
    body.put("schema", tenant.schemaName());
    body.put("created", result.created());
    body.put("fromVersion", result.fromVersion());
    body.put("toVersion", result.toVersion());
    api.respond(ctx, body);
  }

  void list(Context ctx) throws IOException {
    Page<Tenant> page = tenants.list().list(CrosslistHttpApi.query(ctx, "cursor", PageCursor::decode),
        Objects.requireNonNullElse(CrosslistHttpApi.query(ctx, "limit", Integer::valueOf),
            io.crosslist.application.tenant.ListTenantsUseCase.DEFAULT_LIMIT));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(TenantView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    api.respond(ctx, body);
  }

  void get(Context ctx) throws IOException {
    TenantId tenant = tenantId(ctx);
    api.respond(ctx, TenantView.of(tenants.get().find(tenant).orElseThrow(AdminRoutes::unknownTenant)));
  }

  void suspend(Context ctx) throws IOException {
    changeStatus(ctx, TenantStatus.SUSPENDED);
  }

  void reactivate(Context ctx) throws IOException {
    changeStatus(ctx, TenantStatus.ACTIVE);
  }

  private void changeStatus(Context ctx, TenantStatus status) throws IOException {
    Tenant changed = tenants.changeStatus().changeStatus(tenantId(ctx), status);
    gate.changed(changed);
    api.respond(ctx, TenantView.of(changed));
  }

  private static TenantId tenantId(Context ctx) {
    try {
      return TenantId.of(Long.parseLong(ctx.pathParam("id")));
    } catch (RuntimeException e) {
      throw unknownTenant();
    }
  }

  private static HttpProblem unknownTenant() {
    return new HttpProblem(404, "not-found", "Not found", "no such tenant");
  }
}
