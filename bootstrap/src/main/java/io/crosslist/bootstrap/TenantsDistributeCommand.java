package io.crosslist.bootstrap;

import io.crosslist.adapter.persistence.CitusSchemas;
import io.crosslist.application.tenant.ListTenantsUseCase;
import io.crosslist.domain.Page;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crosslist tenants distribute [--tenants …] [--dry-run]}: places existing tenants on Citus (schema-based
 * sharding): the shared tables tenant SQL reads become reference tables and each tenant schema is distributed. Prints
 * the statements; with {@code --dry-run} only prints them (also without Citus). Exit 0 when done, 2 when the
 * {@code citus} extension is not installed, 3 when a statement failed (a rerun does what is left).
 */
@Command(name = "distribute", mixinStandardHelpOptions = true,
    description = "Places tenants on Citus (schema-based sharding): makes the shared tables tenant SQL reads"
        + " reference tables and distributes each tenant schema (citus_schema_distribute), leaving out what Citus"
        + " holds already. Not yet tested on a Citus cluster.")
final class TenantsDistributeCommand extends DatabaseCommand {
  @Option(names = "--tenants", paramLabel = "TENANTS", split = " ",
      description = "only these tenants: ids, ranges, lists or @FILE (default: every registered tenant)")
  List<String> tenants = List.of();

  @Option(names = "--dry-run", description = "print the statements and run none (works without Citus too)")
  boolean dryRun;

  @Override
  public Integer call() {
    List<TenantId> selected = TenantSelection.parse(tenants);
    return withInjector(injector -> {
      CitusSchemas citus = injector.getInstance(CitusSchemas.class);
      CitusSchemas.Plan plan = citus.plan(selected.isEmpty() ? everyTenant(injector.getInstance(
          ListTenantsUseCase.class)) : selected);
      out().println(plan.citusVersion() == null ? "the citus extension is not installed in this database"
          : "citus " + plan.citusVersion() + " is installed");
      out().printf("%s %d statement(s):%n", dryRun ? "would run" : "running", plan.statements().size());
      plan.statements().forEach(statement -> out().println(statement + ";"));
      if (dryRun) {
        out().println("(dry run: nothing changed)");
        return 0;
      }
      if (plan.citusVersion() == null) {
        spec.commandLine().getErr().println("error: the citus extension is not installed in this database: nothing"
            + " can be distributed (CREATE EXTENSION citus on a Citus coordinator first; --dry-run lists the"
            + " statements)");
        return 2;
      }
      try {
        out().printf("done: %d statement(s) run%n", citus.apply(plan));
        return 0;
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage() + " (run it again to do what is left)");
        return 3;
      }
    });
  }

  private static List<TenantId> everyTenant(ListTenantsUseCase tenants) {
    List<TenantId> all = new ArrayList<>();
    Page<Tenant> page = tenants.list(null, ListTenantsUseCase.MAX_LIMIT);
    page.items().forEach(t -> all.add(t.id()));
    while (page.next() != null) {
      page = tenants.list(page.next(), ListTenantsUseCase.MAX_LIMIT);
      page.items().forEach(t -> all.add(t.id()));
    }
    return all;
  }
}
