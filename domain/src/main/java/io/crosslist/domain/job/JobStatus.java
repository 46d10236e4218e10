package io.crosslist.domain.job;

import java.util.Set;

/**
 * Lifecycle of a marketplace job: {@code PENDING -> RUNNING -> COMPLETED / FAILED / CANCELLED}, or
 * {@code PENDING -> EXPIRED / CANCELLED}. A running job whose attempt failed but may be retried, or
 * whose worker lost its lease, goes back to {@code PENDING}; a FAILED job goes back to {@code PENDING}
 * when a user retries it. COMPLETED, CANCELLED and EXPIRED are final.
 */
public enum JobStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED,
  EXPIRED;

  public boolean canBecome(JobStatus target) {
    return successors().contains(target);
  }

  /** No further transition will happen on its own: COMPLETED, FAILED, CANCELLED, EXPIRED. */
  public boolean isTerminal() {
    return this != PENDING && this != RUNNING;
  }

  private Set<JobStatus> successors() {
    return switch (this) {
      case PENDING -> Set.of(RUNNING, CANCELLED, EXPIRED);
      case RUNNING -> Set.of(COMPLETED, FAILED, CANCELLED, PENDING);
      case FAILED -> Set.of(PENDING);
      case COMPLETED, CANCELLED, EXPIRED -> Set.of();
    };
  }
}
