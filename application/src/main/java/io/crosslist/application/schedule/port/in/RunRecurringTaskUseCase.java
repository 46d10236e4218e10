package io.crosslist.application.schedule.port.in;

import io.crosslist.application.schedule.RunSummary;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-port: runs a recurring task's tick if it is due, once across every instance on the database.
 * After downtime a missed tick runs once, not once per interval that passed.
 */
public interface RunRecurringTaskUseCase {

  /** The names of the tasks this instance knows (built-in and the host's). */
  Set<String> tasks();

  /** Every task this instance knows with its default interval, in the order they were registered. */
  Map<String, Duration> defaultIntervals();

  /**
   * Runs the task now if its tick is due and no instance runs it. An interval shorter than the one the stored
   * next tick was set with takes effect at once (the next tick is brought forward).
   *
   * @param instance this instance's id, unique in the cluster
   * @param interval time from this tick's start to the next tick
   * @param maxRun after this long a run is presumed dead (its instance stopped) and the tick may be taken over
   * @return the run's summary, or empty when the tick was not due or another instance has it
   * @throws io.crosslist.domain.schedule.UnknownTaskException when no task has that name
   */
  Optional<RunSummary> runIfDue(String task, String instance, Duration interval, Duration maxRun);
}
