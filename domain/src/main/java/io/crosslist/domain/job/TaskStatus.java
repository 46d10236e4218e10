package io.crosslist.domain.job;

/** Status of one step of a job. */
public enum TaskStatus {
  PENDING,
  COMPLETED,
  FAILED
}
