package io.crosslist.library;

import com.google.inject.Injector;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.RecurringScheduler;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * What runs in the background of a process that embeds Crosslist: the job workers and the recurring tasks, started
 * from an injector built with {@link CrosslistModule}. {@code crosslist worker} and {@code serve} run exactly this.
 *
 * <pre>{@code
 * try (CrosslistRuntime runtime = CrosslistRuntime.start(injector, WorkerSettings.defaults("host-1"),
 *     CrosslistRuntime.defaultSchedule(injector, "host-1"), registry)) {
 *   ... // serve; closing stops the workers gracefully (jobs given back), then the recurring tasks
 * }
 * }</pre>
 */
public final class CrosslistRuntime implements AutoCloseable {
  private final JobWorkerPool workers;
  private final RecurringScheduler scheduler;
  private JobWorkerPool.ShutdownReport report;

  private CrosslistRuntime(JobWorkerPool workers, RecurringScheduler scheduler) {
    this.workers = workers;
    this.scheduler = scheduler;
  }

  /**
   * Every recurring task of {@code injector}, built-in and the host's ({@code TenantTask}s), at its default
   * interval, for the instance {@code instanceId}; change it with the record's constructor (a task left out of its
   * intervals does not run in this process).
   */
  public static ScheduleSettings defaultSchedule(Injector injector, String instanceId) {
    return ScheduleSettings.defaults(instanceId, injector.getInstance(RunRecurringTaskUseCase.class));
  }

  /**
   * Starts the job workers ({@code workers}, or none when empty) and the recurring tasks of {@code schedule} (none
   * when its intervals are empty), their meters in {@code registry}.
   */
  public static CrosslistRuntime start(Injector injector, Optional<WorkerSettings> workers, ScheduleSettings schedule,
      MeterRegistry registry) {
    Objects.requireNonNull(injector, "injector");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(registry, "registry");
    RecurringScheduler scheduler = new RecurringScheduler(schedule,
        injector.getInstance(RunRecurringTaskUseCase.class), registry);
    JobWorkerPool pool = null;
    try {
      pool = workers.isPresent()
          ? new JobWorkerPool(workers.get(), injector.getInstance(JobWorkerPool.Ports.class), registry).start() : null;
      if (!schedule.intervals().isEmpty()) {
        scheduler.start();
      }
      return new CrosslistRuntime(pool, scheduler);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.shutdown();
      }
      scheduler.close();
      throw e;
    }
  }

  /** The same with job workers. */
  public static CrosslistRuntime start(Injector injector, WorkerSettings workers, ScheduleSettings schedule,
      MeterRegistry registry) {
    return start(injector, Optional.of(workers), schedule, registry);
  }

  /** Whether this runtime runs job workers. */
  public boolean runsWorkers() {
    return workers != null;
  }

  /**
   * Stops the workers gracefully (no new claims; running handlers get the shutdown timeout; unfinished jobs are
   * given back), then the recurring tasks. Idempotent.
   *
   * @return what the workers' shutdown did (zeros without workers)
   */
  public synchronized JobWorkerPool.ShutdownReport stop() {
    if (report == null) {
      try {
        report = workers != null ? workers.shutdown() : new JobWorkerPool.ShutdownReport(0, 0);
      } finally {
        scheduler.close();
      }
    }
    return report;
  }

  @Override
  public void close() {
    stop();
  }
}
