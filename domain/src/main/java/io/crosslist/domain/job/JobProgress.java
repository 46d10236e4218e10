package io.crosslist.domain.job;

import io.crosslist.domain.Violations;

/**
 * How far a running job is, as its handler reports it.
 *
 * @param done items done so far, zero or more
 * @param total items in all, zero when unknown
 * @param message what the handler is doing now, at most 500 characters (empty when none)
 */
public record JobProgress(int done, int total, String message) {
  public static final JobProgress NONE = new JobProgress(0, 0, "");
  public static final int MAX_MESSAGE = 500;

  public JobProgress {
    message = message == null ? "" : message;
    new Violations()
        .require(done >= 0, "progress.done", "must be zero or more")
        .require(total >= 0, "progress.total", "must be zero or more")
        .require(total == 0 || done <= total, "progress.done", "must not exceed progress.total")
        .require(message.length() <= MAX_MESSAGE, "progress.message", "must be at most " + MAX_MESSAGE + " characters")
        .throwIfAny();
  }
}
