package io.crosslist.adapter.scheduler;

import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.schedule.RunSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the recurring tasks (job cleanup, abandoned drafts, token refresh-ahead, ..., and the host's own) of one
 * instance. Every {@code check} it asks, for each enabled task, whether the task's tick is due; the shared tick
 * ledger lets exactly one instance of the cluster run each tick, so any number of instances can run a
 * scheduler on one database. Ticks missed while the cluster was down run once; an interval shortened in the
 * settings takes effect at the first check (the stored next tick is brought forward).
 *
 * <p>Metrics per task, built-in or the host's (tag {@code task}, its name): {@code crosslist.scheduler.runs}
 * (timer), {@code crosslist.scheduler.tenants}
 * (counter, tagged {@code result} = processed, failed or skipped), {@code crosslist.scheduler.items}
 * (counter) and {@code crosslist.scheduler.errors} (runs that threw).
 *
 * <pre>{@code
 * try (RecurringScheduler scheduler = new RecurringScheduler(ScheduleSettings.defaults("host-1", tasks), tasks,
 *     registry)) {
 *   scheduler.start();
 *   ...
 * } // waits for a running tick up to shutdownTimeout
 * }</pre>
 */
public final class RecurringScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecurringScheduler.class);
  private final ScheduleSettings settings;
  private final RunRecurringTaskUseCase tasks;
  private final MeterRegistry registry;
  private final ScheduledExecutorService executor;
  private volatile boolean started;

  public RecurringScheduler(ScheduleSettings settings, RunRecurringTaskUseCase tasks, MeterRegistry registry) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.registry = Objects.requireNonNull(registry, "registry");
    for (String task : settings.intervals().keySet()) {
      if (!tasks.tasks().contains(task)) {
        throw new IllegalArgumentException("intervals." + task + ": no recurring task has that name; known: "
            + tasks.tasks());
      }
    }
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "crosslist-scheduler-" + settings.instanceId());
      thread.setDaemon(true);
      return thread;
    });
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = pool;
  }

  /** Starts checking; the first check is immediate. */
  public synchronized RecurringScheduler start() {
    if (started) {
      throw new IllegalStateException("scheduler " + settings.instanceId() + " was already started");
    }
    started = true;
    executor.scheduleWithFixedDelay(this::checkAll, 0, settings.check().toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("scheduler {} started: {}", settings.instanceId(), settings.intervals());
    return this;
  }

  /** Runs every enabled task whose tick is due, one after another, on the calling thread; returns what ran. */
  public Map<String, RunSummary> checkAll() {
    Map<String, RunSummary> ran = new TreeMap<>();
    for (Map.Entry<String, Duration> task : new TreeMap<>(settings.intervals()).entrySet()) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      try {
        Optional<RunSummary> summary = tasks.runIfDue(task.getKey(), settings.instanceId(), task.getValue(),
            settings.maxRun());
        summary.ifPresent(s -> {
          record(s);
          ran.put(task.getKey(), s);
        });
      } catch (RuntimeException e) {
        registry.counter("crosslist.scheduler.errors", "task", task.getKey()).increment();
        LOG.warn("scheduler {}: task {} failed; its next tick runs as scheduled", settings.instanceId(), task.getKey(),
            e);
      }
    }
    return ran;
  }

  private void record(RunSummary summary) {
    String task = summary.task();
    Timer.builder("crosslist.scheduler.runs").tag("task", task).register(registry).record(summary.duration());
    registry.counter("crosslist.scheduler.tenants", "task", task, "result", "processed").increment(summary.processed());
    registry.counter("crosslist.scheduler.tenants", "task", task, "result", "failed").increment(summary.failed());
    registry.counter("crosslist.scheduler.tenants", "task", task, "result", "skipped").increment(summary.skipped());
    registry.counter("crosslist.scheduler.items", "task", task).increment(summary.itemsChanged());
  }

  /** Stops checking and waits up to {@code shutdownTimeout} for a running tick; then interrupts it. Idempotent. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("scheduler {}: a tick still ran after {}; interrupting it", settings.instanceId(),
            settings.shutdownTimeout());
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
