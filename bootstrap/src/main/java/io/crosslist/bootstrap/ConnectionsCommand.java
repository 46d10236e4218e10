package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import com.google.inject.Guice;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase.ReindexRequest;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase.ReindexRun;
import io.crosslist.application.connection.port.in.ReindexConnectionsUseCase.TenantOutcome;
import io.crosslist.domain.connection.ReindexReport;
import io.crosslist.domain.tenant.TenantId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crosslist connections reindex}: rebuilds the connected-accounts index (who is connected where,
 * which token refresh, Etsy polling and the Vinted keep-alive walk) from every tenant's connections.
 * Prints a line per tenant, a progress line every {@code --progress-every} tenants and the totals. Exit 0
 * when every tenant was done, 3 when some failed (each named; the others were done).
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
    description = "Operator commands on marketplace connections.", subcommands = ConnectionsCommand.Reindex.class)
final class ConnectionsCommand {

  @Command(name = "reindex", mixinStandardHelpOptions = true,
      description = "Rebuilds the connected-accounts index from every tenant's connections (idempotent).")
  static final class Reindex implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Mixin
    ConfigOption config;

    @Option(names = "--after", description = "resume after this tenant id (the last tenant a stopped run printed)")
    TenantId after;

    @Option(names = "--max-tenants", defaultValue = "0", description = "stop after this many tenants (default 0: all)")
    int maxTenants;

    @Option(names = "--progress-every", defaultValue = "100",
        description = "print a progress line after every N tenants (default 100)")
    int progressEvery;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ReindexRequest request = new ReindexRequest(after, maxTenants, 500); // validated here, before connecting
      if (progressEvery < 1) {
        throw new IllegalArgumentException("--progress-every: must be 1 or more, got " + progressEvery);
      }
      try (Database db = database.open(); PersistenceModule persistence = new PersistenceModule(db.settings())) {
        ReindexConnectionsUseCase reindex = Guice.createInjector(persistence, new CrosslistModule())
            .getInstance(ReindexConnectionsUseCase.class);
        long[] done = {0, 0, 0}; // tenants, repaired, failed
        ReindexRun run = reindex.reindex(request, outcome -> {
          out.println(line(outcome));
          done[0]++;
          done[1] += outcome.repaired() ? 1 : 0;
          done[2] += outcome.failed() ? 1 : 0;
          if (done[0] % progressEvery == 0) {
            out.printf("progress: %d tenants done (last %d); %d repaired, %d failed%n", done[0],
                outcome.tenant().value(), done[1], done[2]);
          }
        });
        ReindexReport totals = run.totals();
        out.printf("connections reindex %s: %d tenants (last %s); %d connected; entries: %d added, %d removed;"
                + " tenants: %d repaired, %d failed%n", run.complete() ? "complete" : "stopped (resume with --after "
                + (run.lastTenant() == null ? "" : run.lastTenant().value()) + ")", run.tenants(),
            run.lastTenant() == null ? "none" : run.lastTenant().value(), totals.connected(), totals.added(),
            totals.removed(), run.repaired().size(), run.failed().size());
        run.failed().forEach(f -> out.println("  failed: tenant " + f.tenant().value() + ": " + f.failure()));
        return run.failed().isEmpty() ? 0 : 3;
      }
    }

    private static String line(TenantOutcome outcome) {
      String tenant = "tenant " + outcome.tenant().value() + ": ";
      if (outcome.failed()) {
        return tenant + "FAILED: " + outcome.failure();
      }
      ReindexReport r = outcome.report();
      return tenant + r.connected() + " connected, " + (r.changed() ? "repaired: " + r.added() + " added, "
          + r.removed() + " removed" : "in step");
    }
  }
}
