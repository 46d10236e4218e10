package io.crosslist.adapter.persistence.internal.schedule;

import io.crosslist.domain.schedule.Tick;
import java.time.Instant;

/** A row of {@code crosslist.scheduled_ticks} as MyBatis reads it. */
public final class TickRow {
  public String task;
  public Instant nextRunAt;
  public String runningBy;
  public Instant runningUntil;
  public Instant lastStartedAt;
  public Instant lastFinishedAt;

  Tick toTick() {
    return new Tick(task, nextRunAt, runningBy, runningUntil, lastStartedAt, lastFinishedAt);
  }
}
