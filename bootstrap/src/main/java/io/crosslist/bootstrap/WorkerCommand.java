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
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.library.CrosslistMetrics;
import io.crosslist.library.CrosslistModule;
import io.crosslist.library.CrosslistRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crosslist worker}: runs a job worker until stopped (SIGTERM or Ctrl-C stop it gracefully:
 * no new claims, running handlers get the shutdown timeout, unfinished jobs are given back, and no lease of
 * the worker is left behind). Its options come in groups (picocli mixins): the database, the configuration file,
 * the listing suggester ({@link AiOptions}), the worker ({@link WorkerOptions}), the recurring tasks
 * ({@link RecurringOptions}) and the simulated marketplaces ({@link SimulationOptions}); {@code serve} extends it
 * with the HTTP API.
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

  @Mixin
  WorkerOptions worker;

  @Mixin
  RecurringOptions recurring;

  @Mixin
  SimulationOptions simulation;

  @Option(names = "--stop-after", description = "stop gracefully after this ISO-8601 duration, e.g. PT1H (default: run"
      + " until stopped)")
  Duration stopAfter;

  /** Time a JVM shutdown grants the drain beyond the workers' own shutdown timeout (the HTTP drain, closing). */
  private static final long DRAIN_MARGIN_MILLIS = 10_000;

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
    String id = worker.id();
    WorkerSettings settings = worker.workerSettings(id);
    Map<String, Optional<Duration>> intervals = recurring.recurringIntervals();
    RecurringTaskSettings tasks = recurring.taskSettings();
    SimulationSettings simulations = simulation.simulationSettings();
    ListingSuggester suggester = ai.suggester();
    try (Database db = database.open();
        PersistenceModule persistence = new PersistenceModule(
            db.settings().withMaximumPoolSize(worker.concurrency + 4))) {
      Injector injector = Guice.createInjector(persistence, CrosslistModule.builder().simulations(simulations)
          .suggester(suggester).build().withRecurringTasks(tasks), new CrosslistHttpModule());
      ScheduleSettings schedule = recurring.schedule(id, injector.getInstance(RunRecurringTaskUseCase.class), intervals);
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
                worker.concurrency, recurringTasks);
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
