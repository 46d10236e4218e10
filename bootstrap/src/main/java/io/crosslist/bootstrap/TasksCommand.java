package io.crosslist.bootstrap;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase;
import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase.RecurringTaskView;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase.RunTaskNowCommand;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crosslist tasks}: the recurring tasks. {@code list} shows each with its default interval and its tick as
 * the shared ledger records it; {@code run} runs one now, in this process, for every tenant it concerns or the
 * selected ones. Exit 0 when the run went well, 3 when some tenants failed (each named; the others were done), 2
 * for an unknown task, a task running elsewhere (nothing started) or bad input.
 */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "The recurring tasks: list them, run one now.",
    subcommands = {TasksCommand.ListTasks.class, TasksCommand.Run.class})
final class TasksCommand {

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists the recurring tasks: default interval, next tick, the instance running one now, last run.")
  static final class ListTasks extends DatabaseCommand {
    @Override
    public Integer call() {
      return withInjector(injector -> {
        List<RecurringTaskView> tasks = injector.getInstance(ListRecurringTasksUseCase.class).list();
        out().printf("%-20s %-9s %-22s %-22s %s%n", "TASK", "DEFAULT", "NEXT TICK", "LAST STARTED", "RUNNING BY");
        for (RecurringTaskView t : tasks) {
          out().printf(Locale.ROOT, "%-20s %-9s %-22s %-22s %s%n", t.name(), t.defaultInterval(), time(t.nextRunAt()),
              time(t.lastStartedAt()), t.runningBy() == null ? "-" : t.runningBy());
        }
        return 0;
      });
    }

    private static String time(Instant at) {
      return at == null ? "-" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Runs a recurring task now, due or not, in this process; once across the cluster (refused while"
          + " a run of it holds it elsewhere). The schedule does not move.")
  static final class Run extends DatabaseCommand {
    @Parameters(index = "0", paramLabel = "TASK", description = "the task's name ('crosslist tasks list' shows them)")
    String task;

    @Option(names = "--tenants", paramLabel = "TENANTS", split = " ", description = "only these tenants, of those the"
        + " task concerns: ids, ranges, lists or @FILE (default: every tenant it concerns)")
    List<String> tenants = List.of();

    @Override
    public Integer call() {
      TenantScope scope = tenants.isEmpty() ? TenantScope.ALL : TenantScope.only(TenantSelection.parse(tenants));
      String instance = "tasks run " + ManagementFactory.getRuntimeMXBean().getName();
      return withInjector(injector -> {
        out().printf("running %s now for %s...%n", task, scope);
        out().flush();
        RunSummary summary = injector.getInstance(RunTaskNowUseCase.class).runNow(new RunTaskNowCommand(task, scope,
            instance));
        out().println(summary);
        if (summary.failed() > 0) {
          out().println("failed tenants (first " + summary.failures().size() + "; run it again with --tenants to"
              + " retry them):");
          summary.failures().forEach(f -> out().println("  " + f));
        }
        return summary.failed() == 0 ? 0 : 3;
      });
    }
  }
}
