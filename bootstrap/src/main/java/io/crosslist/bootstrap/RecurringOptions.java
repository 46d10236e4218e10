package io.crosslist.bootstrap;

import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.tenant.TenantMigrationTask;
import io.crosslist.domain.ValidationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The recurring tasks' options of {@code worker} and {@code serve} (a picocli mixin): which tasks run in this
 * process and how often ({@code --recurring}, {@code --no-recurring}, {@code --migrate-tenants}), and the tasks'
 * parameters, as {@link ScheduleSettings} and {@link RecurringTaskSettings}. A wrong value is named with its option
 * and rule before anything starts.
 */
final class RecurringOptions {

  /** How tenants behind this build are brought up to date by this process. */
  enum MigrateTenants { background, off }

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--recurring", paramLabel = "TASK=INTERVAL", split = ",", description = "interval of a recurring task as an"
      + " ISO-8601 duration, or 'off' (repeatable; default: each task's own interval, which 'crosslist tasks list'"
      + " shows; a shorter interval takes effect at once)")
  Map<String, String> recurring = new LinkedHashMap<>();

  @Option(names = "--migrate-tenants", defaultValue = "background", description = "background: migrate every"
      + " tenant behind this build in the background (the tenant-migration task, once across the cluster; a request"
      + " or job of a tenant still behind migrates it first); off: only on demand and by 'crosslist tenants migrate'"
      + " (default: background)")
  MigrateTenants migrateTenants = MigrateTenants.background;

  @Option(names = "--no-recurring", description = "run no recurring tasks in this process (another instance does)")
  boolean noRecurring;

  @Option(names = "--job-retention", description = "job-cleanup deletes jobs finished longer ago, ISO-8601"
      + " (default: P30D)")
  Duration jobRetention = RecurringTaskSettings.DEFAULTS.jobRetention();

  @Option(names = "--drafts-max-age-days", description = "drafts-cleanup deletes drafts untouched this many days"
      + " (default: 30)")
  int draftsMaxAgeDays = RecurringTaskSettings.DEFAULTS.draftsMaxAgeDays();

  @Option(names = "--refresh-window", description = "token-refresh refreshes tokens expiring within this, ISO-8601"
      + " (default: PT10M)")
  Duration refreshWindow = RecurringTaskSettings.DEFAULTS.refreshWindow();

  @Option(names = "--keep-alive-failures", description = "failed Vinted keep-alives in a row that expire a"
      + " connection (default: 3)")
  int keepAliveFailures = RecurringTaskSettings.DEFAULTS.keepAliveFailures();

  /** The tasks' parameters from the options; names the option and the rule when one is wrong. */
  RecurringTaskSettings taskSettings() {
    try {
      return new RecurringTaskSettings(jobRetention, draftsMaxAgeDays, refreshWindow, keepAliveFailures,
          RecurringTaskSettings.DEFAULTS.firstPollLookback(), RecurringTaskSettings.DEFAULTS.parallelism());
    } catch (ValidationException e) {
      String message = e.getMessage();
      for (String[] option : new String[][] {{"jobRetention", "--job-retention"},
          {"draftsMaxAgeDays", "--drafts-max-age-days"}, {"refreshWindow", "--refresh-window"},
          {"keepAliveFailures", "--keep-alive-failures"}}) {
        message = message.replace(option[0], option[1]);
      }
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /**
   * {@code --recurring} as given: each task's interval, or empty for 'off'; names the option and the rule when a
   * value is wrong (before anything starts; the names are checked by {@link #schedule}, against the tasks
   * registered).
   */
  Map<String, Optional<Duration>> recurringIntervals() {
    Map<String, Optional<Duration>> intervals = new TreeMap<>();
    for (Map.Entry<String, String> entry : recurring.entrySet()) {
      if (entry.getValue().equalsIgnoreCase("off")) {
        intervals.put(entry.getKey(), Optional.empty());
        continue;
      }
      try {
        intervals.put(entry.getKey(), Optional.of(Duration.parse(entry.getValue())));
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--recurring " + entry.getKey() + ": '" + entry.getValue()
            + "' is not an ISO-8601 duration such as PT10M, nor 'off'");
      }
    }
    return intervals;
  }

  /**
   * The schedule: every registered task (built-in and the host's) at its default interval, changed by
   * {@code --recurring} ({@code changes}); names the option and the rule when one is wrong.
   */
  ScheduleSettings schedule(String id, RunRecurringTaskUseCase tasks, Map<String, Optional<Duration>> changes) {
    ScheduleSettings defaults = ScheduleSettings.defaults(id, tasks);
    Map<String, Duration> intervals = new TreeMap<>(noRecurring ? Map.of() : defaults.intervals());
    if (migrateTenants == MigrateTenants.off) {
      intervals.remove(TenantMigrationTask.NAME);
    }
    for (Map.Entry<String, Optional<Duration>> change : changes.entrySet()) {
      if (!defaults.intervals().containsKey(change.getKey())) {
        throw new ParameterException(spec.commandLine(), "--recurring " + change.getKey() + ": no recurring task has"
            + " that name; known: " + tasks.tasks());
      }
      change.getValue().ifPresentOrElse(interval -> intervals.put(change.getKey(), interval),
          () -> intervals.remove(change.getKey()));
    }
    try {
      return new ScheduleSettings(id, intervals, defaults.check(), defaults.maxRun(), defaults.shutdownTimeout());
    } catch (ValidationException e) {
      throw new ParameterException(spec.commandLine(), "--recurring: " + e.getMessage());
    }
  }
}
