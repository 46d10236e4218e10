package io.crosslist.bootstrap;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.tenant.DropTenantUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase.FleetPlan;
import io.crosslist.application.tenant.MigrateTenantsUseCase.MigrateTenantsCommand;
import io.crosslist.application.tenant.ProvisionTenantsUseCase;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crosslist tenants}: the fleet operations. {@code provision} creates many tenants, {@code migrate}
 * brings every tenant behind this build to its versions, {@code drop} removes a suspended tenant. Exit 0 when
 * all went well, 3 when some tenants failed (each named with its cause; running the command again resumes),
 * 2 for bad input.
 */
@Command(name = "tenants", mixinStandardHelpOptions = true, description = "Fleet operations on tenants.",
    subcommands = {TenantsCommand.Provision.class, TenantsCommand.Migrate.class, TenantsCommand.Drop.class,
        TenantsExportCommand.class, TenantsImportCommand.class, TenantsDistributeCommand.class})
final class TenantsCommand {

  @Command(name = "provision", mixinStandardHelpOptions = true,
      description = "Provisions tenants (idempotent and resumable: existing tenants are brought up to date).")
  static final class Provision extends DatabaseCommand {
    @Parameters(arity = "1..*", paramLabel = "TENANTS",
        description = "ids, ranges (1-10000), comma-separated lists of both, or @FILE (one id or range per line)")
    List<String> tenants;

    @Option(names = "--parallel", defaultValue = "4", description = "tenants provisioned at once, 1 to 64 (default 4)")
    int parallel;

    @Override
    public Integer call() {
      List<TenantId> selected = TenantSelection.parse(tenants);
      return withInjector(injector -> {
        FleetProgressBar bar = new FleetProgressBar(out(), "tenants provision", selected.size(),
            FleetProgressBar.onTerminal());
        RunSummary summary = injector.getInstance(ProvisionTenantsUseCase.class).provision(selected, parallel, bar);
        bar.summary(summary, "provisioned or brought up to date");
        return summary.failed() == 0 ? 0 : 3;
      });
    }
  }

  @Command(name = "migrate", mixinStandardHelpOptions = true,
      description = "Brings every tenant behind this build (every migration track) to its versions; online: each"
          + " tenant in its own short transaction.")
  static final class Migrate extends DatabaseCommand {
    @Option(names = "--parallel", defaultValue = "4", description = "tenants migrated at once, 1 to 64 (default 4)")
    int parallel;

    @Option(names = "--tenants", paramLabel = "TENANTS", split = " ",
        description = "only these tenants: ids, ranges, lists or @FILE (default: every tenant behind this build)")
    List<String> tenants = List.of();

    @Option(names = "--dry-run", description = "list the tenants behind this build and change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
      MigrateTenantsCommand command = new MigrateTenantsCommand(TenantSelection.parse(tenants), parallel);
      return withInjector(injector -> {
        MigrateTenantsUseCase migrate = injector.getInstance(MigrateTenantsUseCase.class);
        long began = System.nanoTime();
        FleetPlan plan = migrate.plan(command);
        out().printf("this build's tenant tracks: %s; %,d tenant(s) %s (%.0f ms)%n", plan.versions(),
            plan.tenants().size(), command.tenants().isEmpty() ? "behind" : "selected",
            (System.nanoTime() - began) / 1e6);
        if (dryRun || plan.tenants().isEmpty()) {
          if (!plan.tenants().isEmpty()) {
            out().println("would migrate: " + TenantSelection.sample(plan.tenants()) + " (dry run: nothing changed)");
          }
          return 0;
        }
        FleetProgressBar bar = new FleetProgressBar(out(), "tenants migrate", plan.tenants().size(),
            FleetProgressBar.onTerminal());
        RunSummary summary = migrate.migrate(new MigrateTenantsCommand(plan.tenants(), parallel), bar);
        bar.summary(summary, "migrated");
        return summary.failed() == 0 ? 0 : 3;
      });
    }
  }

  @Command(name = "drop", mixinStandardHelpOptions = true,
      description = "Removes a suspended tenant: its schema and everything the shared schema holds for it.")
  static final class Drop extends DatabaseCommand {
    @Parameters(index = "0", paramLabel = "TENANT", description = "the tenant id (it must be suspended)")
    TenantId tenant;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
      if (!yes && !confirmed()) {
        spec.commandLine().getErr().println("error: not dropped: confirm by typing the tenant id, or pass --yes");
        return 2;
      }
      return withInjector(injector -> {
        injector.getInstance(DropTenantUseCase.class).drop(tenant);
        out().println("tenant " + tenant.value() + " dropped: schema " + tenant.schemaName()
            + " and its rows in the shared schema are gone; the id can be provisioned again");
        return 0;
      });
    }

    /** Asks on the terminal; without one (a script, a pipe) nothing can confirm, and only --yes drops. */
    private boolean confirmed() {
      java.io.Console console = System.console();
      if (console == null) {
        return false;
      }
      String answer = console.readLine("This removes every table and row of tenant %d (%s), for good. Type the"
          + " tenant id to confirm: ", tenant.value(), tenant.schemaName());
      return answer != null && answer.strip().equals(Long.toString(tenant.value()));
    }
  }
}
