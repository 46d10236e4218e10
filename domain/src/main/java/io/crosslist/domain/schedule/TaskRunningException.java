package io.crosslist.domain.schedule;

import io.crosslist.domain.DomainException;
import java.time.Instant;

/** A run of the task was asked for while another run holds it (its tick, or another run now): nothing started. */
public final class TaskRunningException extends DomainException {
  private static final long serialVersionUID = 1L;

  public TaskRunningException(String task, String runningBy, Instant runningUntil) {
    super("recurring task " + task + " is running " + (runningBy == null ? "elsewhere" : "on " + runningBy)
        + (runningUntil == null ? "" : " (presumed alive until " + runningUntil + ")")
        + "; not started again: try again when that run has ended");
  }
}
