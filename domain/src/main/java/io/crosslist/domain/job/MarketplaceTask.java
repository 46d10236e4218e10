package io.crosslist.domain.job;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ordered step of a job (e.g. "upload photos", "create listing"). A retried job resumes after its
 * last completed step instead of redoing it: handlers record each step's result and skip completed ones.
 *
 * @param job the job it belongs to
 * @param position 1, 2, ... in the order the steps run
 * @param name what the step does, 1 to 100 characters
 * @param result JSON text the step produced (e.g. the uploaded photo ids), or null
 */
public record MarketplaceTask(JobId job, int position, String name, TaskStatus status, String result,
    Instant updatedAt) {

  public MarketplaceTask {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (position < 1) {
      throw new IllegalArgumentException("task position must be 1 or more, got " + position);
    }
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("task name must be 1 to 100 characters");
    }
  }

  public MarketplaceTask completed(String stepResult, Instant now) {
    return new MarketplaceTask(job, position, name, TaskStatus.COMPLETED, stepResult, now);
  }

  public MarketplaceTask failed(Instant now) {
    return new MarketplaceTask(job, position, name, TaskStatus.FAILED, result, now);
  }

  /** The first step of {@code steps} (in position order) that is not completed: where a retried job resumes. */
  public static Optional<MarketplaceTask> resumePoint(List<MarketplaceTask> steps) {
    return steps.stream()
        .sorted(java.util.Comparator.comparingInt(MarketplaceTask::position))
        .filter(t -> t.status() != TaskStatus.COMPLETED)
        .findFirst();
  }
}
