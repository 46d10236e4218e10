package io.crosslist.bootstrap;

import com.google.inject.Guice;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupCommand;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupedBatch;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupingReport;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.TenantGrouping;
import io.crosslist.application.schedule.TenantFailure;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobId;
import io.crosslist.library.CrosslistModule;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crosslist jobs batch-existing}: groups every tenant's existing standalone jobs into batches (what the old
 * back end's one-off script did). A line per tenant, a line per batch, the totals. Exit 0 when every tenant was
 * done, 3 when some failed (each named; the others were done), 2 for bad input.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Operator commands on marketplace jobs.",
    subcommands = JobsCommand.BatchExisting.class)
final class JobsCommand {

  @Command(name = "batch-existing", mixinStandardHelpOptions = true,
      description = "Groups each tenant's standalone jobs into batches: jobs of one marketplace and action, each"
          + " enqueued within --window of the one before, not running; groups of 2 or more. Idempotent.")
  static final class BatchExisting implements Callable<Integer> {
    /** Job ids printed per batch; the rest are counted. */
    private static final int IDS_SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Mixin
    ConfigOption config;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "10m", description = "the longest gap between"
        + " two jobs' enqueue times within one batch: 1s to 7d, as 30s, 10m, 2h or ISO-8601 (default: 10m)")
    String window;

    @Option(names = "--tenants", paramLabel = "TENANTS", split = " ", description = "only these tenants: ids, ranges,"
        + " lists or @FILE (default: every provisioned tenant)")
    List<String> tenants = List.of();

    @Option(names = "--dry-run", description = "print what would be grouped, change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Duration gap = DurationText.parse("--window", window);
      GroupCommand command;
      try {
        command = new GroupCommand(tenants.isEmpty() ? TenantScope.ALL
            : TenantScope.only(TenantSelection.parse(tenants)), gap, dryRun);
      } catch (ValidationException e) {
        throw new IllegalArgumentException(e.violations().stream().map(v -> "--" + v.field() + ": " + v.rule())
            .collect(Collectors.joining("; ")));
      }
      try (Database db = database.open(); PersistenceModule persistence = new PersistenceModule(db.settings())) {
        GroupStandaloneJobsUseCase grouping = Guice.createInjector(persistence, new CrosslistModule())
            .getInstance(GroupStandaloneJobsUseCase.class);
        out.printf("jobs batch-existing%s: window %s, %s%n", dryRun ? " (dry run)" : "", command.window(),
            command.scope());
        out.flush();
        GroupingReport report = grouping.group(command);
        print(out, report);
        return report.summary().failed() == 0 ? 0 : 3;
      }
    }

    static void print(PrintWriter out, GroupingReport report) {
      String verb = report.dryRun() ? "would group" : "grouped";
      for (TenantGrouping tenant : report.tenants()) {
        out.printf("tenant %d: %s%n", tenant.tenant().value(), tenant.batches().isEmpty() ? "nothing to group"
            : verb + " " + tenant.jobsMoved() + " job(s) into " + tenant.batches().size() + " batch(es)");
        for (GroupedBatch batch : tenant.batches()) {
          out.printf("  %s%s: %d job(s) enqueued %s to %s, counts %s [jobs %s]%n",
              batch.batch() == null ? "" : "batch " + batch.batch() + " ", batch.type(), batch.jobs().size(),
              batch.firstEnqueuedAt(), batch.lastEnqueuedAt(), counts(batch), ids(batch.jobs()));
        }
      }
      for (TenantFailure failure : report.summary().failures()) {
        out.printf("tenant %d: FAILED: %s%n", failure.tenant().value(), failure.cause());
      }
      out.println(report.summary());
      out.printf("totals: %d batch(es), %d job(s) %s%s%n", report.batches(), report.jobsMoved(),
          report.dryRun() ? "would be moved" : "moved", report.dryRun() ? " (dry run: nothing changed)" : "");
      if (report.summary().failed() > report.summary().failures().size()) {
        out.printf("(%d more failed tenant(s) not listed; run again to retry them)%n",
            report.summary().failed() - report.summary().failures().size());
      }
    }

    private static String counts(GroupedBatch batch) {
      var c = batch.counts();
      return "pending=%d completed=%d failed=%d cancelled=%d expired=%d".formatted(c.pending(), c.completed(),
          c.failed(), c.cancelled(), c.expired());
    }

    private static String ids(List<JobId> jobs) {
      String shown = jobs.stream().limit(IDS_SHOWN).map(j -> Long.toString(j.value()))
          .collect(Collectors.joining(", "));
      return jobs.size() > IDS_SHOWN ? shown + ", ... " + (jobs.size() - IDS_SHOWN) + " more" : shown;
    }
  }
}
