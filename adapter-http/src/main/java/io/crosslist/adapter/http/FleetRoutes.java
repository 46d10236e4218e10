package io.crosslist.adapter.http;

import io.crosslist.application.schedule.TenantFailure;
import io.crosslist.application.tenant.FleetOperation;
import io.crosslist.application.tenant.FleetOperationsUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import io.crosslist.domain.tenant.TenantId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/fleet/migrations...}: an administrator starts a fleet migration (every tenant behind this build,
 * or the listed ones) and follows its progress and per-tenant failures. The admin filter guards these routes.
 */
final class FleetRoutes {
  private final HttpJson json;
  private final FleetOperationsUseCase fleet;

  FleetRoutes(HttpJson json, FleetOperationsUseCase fleet) {
    this.json = json;
    this.fleet = fleet;
  }

  void register(RouteTable routes) {
    routes.add(HandlerType.POST, "/admin/fleet/migrations", this::start);
    routes.add(HandlerType.GET, "/admin/fleet/migrations", ctx -> json.respond(ctx, Map.of("items",
        fleet.recent().stream().map(MigrationView::of).toList())));
    routes.add(HandlerType.GET, "/admin/fleet/migrations/{id}", ctx -> json.respond(ctx, MigrationView.of(
        fleet.find(ctx.pathParam("id")).orElseThrow(() -> Problems.notFound("fleet migration")))));
  }

  /** The body of POST /admin/fleet/migrations: both fields optional. */
  record MigrationBody(List<TenantId> tenants, Integer parallelism) {}

  /** A failed tenant of a fleet operation. */
  record FailureView(long tenant, String cause) {
    static FailureView of(TenantFailure f) {
      return new FailureView(f.tenant().value(), f.cause());
    }
  }

  /** A fleet migration as the API shows it. */
  record MigrationView(String id, String state, int total, int done, int failed, List<FailureView> failures,
      Instant startedAt, Instant finishedAt, String error) {
    static MigrationView of(FleetOperation o) {
      return new MigrationView(o.id(), o.state().name(), o.total(), o.done(), o.failed(),
          o.failures().stream().map(FailureView::of).toList(), o.startedAt(), o.finishedAt(), o.error());
    }
  }

  private void start(Context ctx) throws IOException {
    MigrationBody body = ctx.body().isBlank() ? new MigrationBody(null, null) : json.read(ctx, MigrationBody.class);
    List<TenantId> tenants = body.tenants() == null ? List.of() : body.tenants();
    if (tenants.stream().anyMatch(java.util.Objects::isNull)) {
      throw io.crosslist.domain.ValidationException.of("tenants", "must hold tenant ids, not null");
    }
    FleetOperation started = fleet.startMigration(new MigrateTenantsCommand(tenants,
        body.parallelism() == null ? 4 : body.parallelism()));
    ctx.status(202).header("Location", "/admin/fleet/migrations/" + started.id());
    json.respond(ctx, MigrationView.of(started));
  }
}
