package io.crosslist.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.http.CrosslistHttpModule;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.tenant.TenantMigrationTask;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.library.CrosslistMetrics;
import io.crosslist.library.CrosslistModule;
import io.crosslist.library.CrosslistRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crosslist worker}: runs a job worker until stopped (SIGTERM or Ctrl-C stop it gracefully:
 * no new claims, running handlers get the shutdown timeout, unfinished jobs are given back, and no lease of
 * the worker is left behind).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Runs marketplace jobs of all tenants until stopped (against the simulated marketplaces).")
class WorkerCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOption database;

  @Mixin
  ConfigOption config;

  @Mixin
  AiOptions ai;

  @Option(names = "--worker-id", description = "name in job leases (default: <host pid>@<host>)")
  String workerId;

  @Option(names = "--concurrency", defaultValue = "16", description = "handlers running at once (default: 16)")
  int concurrency;

  @Option(names = "--lease", paramLabel = "DURATION", description = "how long a claimed job stays held without a"
      + " heartbeat, ISO-8601, 1 s to 1 h; a dead worker's running jobs run again this long after its last heartbeat"
      + " (default: PT60S)")
  Duration lease = WorkerSettings.defaults(DEFAULTS_ID).lease();

  @Option(names = "--heartbeat", paramLabel = "DURATION", description = "how often a worker renews the leases of its"
      + " jobs, ISO-8601, at most a third of --lease (default: PT15S)")
  Duration heartbeat = WorkerSettings.defaults(DEFAULTS_ID).heartbeat();

  @Option(names = "--rescue-interval", paramLabel = "DURATION", description = "how often a worker rescues the jobs of"
      + " dead workers, removes the leases they left on ended jobs, expires overdue jobs and reads the queue depth,"
      + " ISO-8601 (default: PT5S)")
  Duration rescueInterval = WorkerSettings.defaults(DEFAULTS_ID).maintenance();

  @Option(names = "--shutdown-timeout", paramLabel = "DURATION", description = "how long a stop waits for running"
      + " handlers before it gives their jobs back (not losing an attempt), ISO-8601 (default: PT30S)")
  Duration shutdownTimeout = WorkerSettings.defaults(DEFAULTS_ID).shutdownTimeout();

  @Option(names = "--stop-after", description = "stop gracefully after this ISO-8601 duration, e.g. PT1H (default: run"
      + " until stopped)")
  Duration stopAfter;

  @Option(names = "--recurring", paramLabel = "TASK=INTERVAL", split = ",", description = "interval of a recurring task as an"
      + " ISO-8601 duration, or 'off' (repeatable; default: each task's own interval, which 'crosslist tasks list'"
      + " shows; a shorter interval takes effect at once)")
  Map<String, String> recurring = new LinkedHashMap<>();

  /** How tenants behind this build are brought up to date by this process. */
  enum MigrateTenants { background, off }

  @Option(names = "--migrate-tenants", defaultValue = "background", description = "background: migrate every"
      + " tenant behind this build in the background (the tenant-migration task, once across the cluster; a request"
      + " or job of a tenant still behind migrates it first); off: only on demand and by 'crosslist tenants migrate'"
      + " (default: background)")
  MigrateTenants migrateTenants = MigrateTenants.background;

  @Option(names = "--simulated-latency", paramLabel = "DURATION", defaultValue = "0ms", description = "time every"
      + " call to a simulated marketplace takes, 0 to 10s, as 50ms, 2s or ISO-8601 (demos, fault tests; default: 0ms)")
  String simulatedLatency;

  @Option(names = "--simulated-failure-rate", paramLabel = "RATE", defaultValue = "0", description = "share of calls"
      + " to a simulated marketplace that fail with a retryable error (a simulated 503), 0 to 1 (default: 0)")
  String simulatedFailureRate;

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

  /** Time a JVM shutdown grants the drain beyond the workers' own shutdown timeout (the HTTP drain, closing). */
  private static final long DRAIN_MARGIN_MILLIS = 10_000;
  /** Any id: the options' defaults are those of {@link WorkerSettings#defaults}, whoever the worker is. */
  private static final String DEFAULTS_ID = "defaults";

  /**
   * The worker's settings from the options.
   *
   * @throws IllegalArgumentException naming each wrong option, where its value can come from, and the rule (one
   *     line on stderr, exit code 2)
   */
  WorkerSettings workerSettings(String id) {
    WorkerSettings d = WorkerSettings.defaults(DEFAULTS_ID);
    try {
      // one constructor call, so that every wrong option is named at once; claims as large as the concurrency
      return new WorkerSettings(id, concurrency, concurrency, Math.max(1, Math.min(d.perTenant(), concurrency)),
          d.tenantCap(), d.marketplaceCap(), lease, heartbeat, d.pollMin(), d.pollMax(), rescueInterval,
          shutdownTimeout, d.finishDelay());
    } catch (ValidationException e) {
      Map<String, String> options = Map.of("workerId", "--worker-id", "concurrency", "--concurrency", "lease",
          "--lease", "heartbeat", "--heartbeat", "maintenance", "--rescue-interval", "shutdownTimeout",
          "--shutdown-timeout");
      String message = e.violations().stream()
          .filter(v -> options.containsKey(v.field())) // the others follow from --concurrency, named already
          .map(v -> ConfigDefaults.describe(options.get(v.field())) + ": "
              + v.rule().replace("a third of lease", "a third of --lease"))
          .collect(Collectors.joining("; "));
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * How the simulated marketplaces behave, from {@code --simulated-latency} and {@code --simulated-failure-rate}.
   *
   * @throws IllegalArgumentException naming each wrong option, where its value can come from, and the rule
   */
  SimulationSettings simulationSettings() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    Duration latency = null;
    try {
      latency = DurationText.parse("--simulated-latency", simulatedLatency);
      if (latency.isNegative() || latency.compareTo(Duration.ofSeconds(10)) > 0) {
        problems.add(ConfigDefaults.describe("--simulated-latency") + ": must be between 0 and 10s, got "
            + simulatedLatency);
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    double rate = Double.NaN;
    try {
      rate = Double.parseDouble(simulatedFailureRate.strip());
    } catch (NumberFormatException e) {
      // reported below
    }
    if (!(rate >= 0 && rate <= 1)) {
      problems.add(ConfigDefaults.describe("--simulated-failure-rate") + ": must be a number between 0 and 1, got '"
          + simulatedFailureRate + "'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return SimulationSettings.INSTANT.withLatency(latency).withFailureRate(rate);
  }

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

  /** Checks this command's own options before anything starts; {@code serve} adds its HTTP options. */
  void validate() {}

  /** Whether this process runs job workers ({@code serve --no-workers} does not). */
  boolean runsWorkers() {
    return true;
  }

  /**
   * Starts what serves requests ({@code serve}: the HTTP API), before any job or recurring task starts, so that
   * a port in use stops the command with nothing running; it is closed first at the stop, so that in-flight
   * requests drain while the workers still run.
   *
   * @throws IllegalArgumentException naming the option when the API cannot start (its port is in use)
   */
  AutoCloseable startFront(Injector injector, Database db, MeterRegistry registry, PrintWriter out) {
    return () -> { };
  }

  /** Where the workers' and tasks' meters go ({@code serve} exports them at {@code /metrics}). */
  MeterRegistry newRegistry() {
    return new SimpleMeterRegistry();
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    validate();
    String id = workerId != null ? workerId : ManagementFactory.getRuntimeMXBean().getName();
    WorkerSettings settings = workerSettings(id);
    Map<String, Optional<Duration>> intervals = recurringIntervals();
    RecurringTaskSettings tasks = taskSettings();
    SimulationSettings simulations = simulationSettings();
    ListingSuggester suggester = ai.suggester();
    try (Database db = database.open();
        PersistenceModule persistence = new PersistenceModule(db.settings().withMaximumPoolSize(concurrency + 4))) {
      Injector injector = Guice.createInjector(persistence, CrosslistModule.builder().simulations(simulations)
          .suggester(suggester).build().withRecurringTasks(tasks), new CrosslistHttpModule());
      ScheduleSettings schedule = schedule(id, injector.getInstance(RunRecurringTaskUseCase.class), intervals);
      MeterRegistry registry = newRegistry();
      CrosslistMetrics.bind(persistence, injector, registry);
      try (StopSignals signals = new StopSignals(settings.shutdownTimeout().toMillis() + DRAIN_MARGIN_MILLIS);
          AutoCloseable front = startFront(injector, db, registry, out);
          CrosslistRuntime runtime = CrosslistRuntime.start(injector,
              runsWorkers() ? Optional.of(settings) : Optional.empty(), schedule, registry)) {
        try {
          String recurringTasks = schedule.intervals().isEmpty() ? "none" : schedule.intervals().toString();
          if (runtime.runsWorkers()) {
            out.printf("worker %s running on %s with %d handler threads; recurring tasks: %s%n", id, db.description(),
                concurrency, recurringTasks);
          } else {
            out.printf("no job workers in this process (--no-workers), on %s; recurring tasks: %s%n",
                db.description(), recurringTasks);
          }
          out.flush();
          signals.await(stopAfter != null ? stopAfter.toMillis() : -1);
        } finally {
          front.close(); // in-flight requests drain first, while the workers still run (closing again is a no-op)
          JobWorkerPool.ShutdownReport report = runtime.stop(); // then the workers, then the recurring tasks
          if (runtime.runsWorkers()) {
            out.printf("worker %s stopped: %d job(s) finished during shutdown, %d given back%n", id,
                report.finished(), report.released());
          }
        }
      } // then the recurring tasks stop
      return 0;
    }
  }
}
