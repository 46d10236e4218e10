package io.crosslist.domain.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A recurring task's tick as the shared ledger records it.
 *
 * @param task the task's name
 * @param nextRunAt when its next tick is due
 * @param runningBy the instance running it now, or null
 * @param runningUntil when that run is presumed dead (another instance may then take over), or null
 * @param lastStartedAt when its last run began (a tick or a run now), or null if it never ran
 * @param lastFinishedAt when its last run ended, or null
 */
public record Tick(String task, Instant nextRunAt, String runningBy, Instant runningUntil, Instant lastStartedAt,
    Instant lastFinishedAt) {
  public Tick {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(nextRunAt, "nextRunAt");
  }
}
