package io.crosslist.application.schedule.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** In-port: the recurring tasks this instance knows, with their schedule as the shared tick ledger records it. */
public interface ListRecurringTasksUseCase {

  /**
   * One task.
   *
   * @param name its name
   * @param defaultInterval its interval unless configured otherwise
   * @param interval the interval this process schedules it at, or null when this process does not schedule it
   *     (another may)
   * @param nextRunAt when its next tick is due, or null when no instance has scheduled it yet
   * @param runningBy the instance running it now, or null
   * @param lastStartedAt when its last run (a tick or a run now) began, or null
   * @param lastFinishedAt when its last run ended, or null
   */
  record RecurringTaskView(String name, Duration defaultInterval, Duration interval, Instant nextRunAt,
      String runningBy, Instant lastStartedAt, Instant lastFinishedAt) {
    public RecurringTaskView {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(defaultInterval, "defaultInterval");
    }
  }

  /** Every task, in the order they were registered (built-in ones first). */
  List<RecurringTaskView> list();
}
