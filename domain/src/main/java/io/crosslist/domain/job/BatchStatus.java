package io.crosslist.domain.job;

/** The status of a batch, derived from the statuses of its jobs (see {@link BatchCounts#status()}). */
public enum BatchStatus {
  /** Some jobs are still pending or running. */
  RUNNING,
  /** Every job completed. */
  COMPLETED,
  /** All jobs ended; some completed and some did not. */
  PARTIALLY_FAILED,
  /** All jobs ended and none completed (at least one failed or expired). */
  FAILED,
  /** Every job was cancelled. */
  CANCELLED
}
