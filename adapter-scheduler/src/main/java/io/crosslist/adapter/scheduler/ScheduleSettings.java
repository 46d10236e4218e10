package io.crosslist.adapter.scheduler;

import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.domain.Violations;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a {@link RecurringScheduler} runs the recurring tasks. Validated as a whole; every problem names
 * its field and rule.
 *
 * @param instanceId names this instance in the tick ledger, 1 to 200 characters, unique per running instance
 * @param intervals each enabled task's interval (at least 1 s); a task not listed is disabled
 * @param check how often this instance asks whether a tick is due (at least 10 ms)
 * @param maxRun after this long a run is presumed dead and another instance may take the tick over
 * @param shutdownTimeout how long shutdown waits for a running tick
 */
public record ScheduleSettings(String instanceId, Map<String, Duration> intervals, Duration check, Duration maxRun,
    Duration shutdownTimeout) {

  public ScheduleSettings {
    Violations v = new Violations();
    v.require(instanceId != null && !instanceId.isBlank() && instanceId.length() <= 200, "instanceId",
        "must be 1 to 200 characters");
    v.require(intervals != null, "intervals", "must be given (empty disables every task)");
    if (intervals != null) {
      intervals.forEach((task, interval) -> v.require(interval != null && interval.compareTo(Duration.ofSeconds(1)) >= 0,
          "intervals." + task, "must be at least 1s"));
    }
    v.require(check != null && check.toMillis() >= 10, "check", "must be at least 10ms");
    v.require(maxRun != null && maxRun.compareTo(Duration.ofSeconds(1)) >= 0, "maxRun", "must be at least 1s");
    v.require(shutdownTimeout != null && !shutdownTimeout.isNegative(), "shutdownTimeout", "must be 0 or more");
    v.throwIfAny();
    intervals = Map.copyOf(intervals);
  }

  /**
   * Defaults for {@code instanceId}: every task of {@code tasks} (built-in and the host's) at its default interval
   * (job cleanup every 10 minutes, abandoned drafts daily, token refresh-ahead every 5 minutes, Vinted keep-alive
   * every 15 minutes, Etsy orders polling every 5 minutes, the background fleet migration every minute, a host
   * task as it was registered); checked every 5 s; a run presumed dead after 1 h; 30 s to finish on shutdown.
   *
   * <pre>{@code
   * ScheduleSettings.defaults("host-1", injector.getInstance(RunRecurringTaskUseCase.class))
   * }</pre>
   */
  public static ScheduleSettings defaults(String instanceId, RunRecurringTaskUseCase tasks) {
    return new ScheduleSettings(instanceId, new TreeMap<>(tasks.defaultIntervals()), Duration.ofSeconds(5),
        Duration.ofHours(1), Duration.ofSeconds(30));
  }
}
