package io.crosslist.domain.job;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many jobs of a batch are in each status. The store keeps these counts exact by moving one job
 * from one status to another in the same transaction as the job's own change ({@link #moved}).
 */
public record BatchCounts(int pending, int running, int completed, int failed, int cancelled, int expired) {

  public BatchCounts {
    if (pending < 0 || running < 0 || completed < 0 || failed < 0 || cancelled < 0 || expired < 0) {
      throw new IllegalArgumentException("batch counts cannot be negative: " + pending + "/" + running + "/"
          + completed + "/" + failed + "/" + cancelled + "/" + expired);
    }
  }

  /** A new batch of {@code jobs} pending jobs. */
  public static BatchCounts ofPending(int jobs) {
    return new BatchCounts(jobs, 0, 0, 0, 0, 0);
  }

  public int total() {
    return pending + running + completed + failed + cancelled + expired;
  }

  public int of(JobStatus status) {
    return switch (status) {
      case PENDING -> pending;
      case RUNNING -> running;
      case COMPLETED -> completed;
      case FAILED -> failed;
      case CANCELLED -> cancelled;
      case EXPIRED -> expired;
    };
  }

  /** The counts after one job moved from {@code from} to {@code to}. */
  public BatchCounts moved(JobStatus from, JobStatus to) {
    if (from == to) {
      return this;
    }
    Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus s : JobStatus.values()) {
      counts.put(s, of(s));
    }
    counts.merge(from, -1, Integer::sum);
    counts.merge(to, 1, Integer::sum);
    return new BatchCounts(counts.get(JobStatus.PENDING), counts.get(JobStatus.RUNNING),
        counts.get(JobStatus.COMPLETED), counts.get(JobStatus.FAILED), counts.get(JobStatus.CANCELLED),
        counts.get(JobStatus.EXPIRED));
  }

  /** The batch's status, derived from the counts. */
  public BatchStatus status() {
    if (pending + running > 0) {
      return BatchStatus.RUNNING;
    }
    if (completed == total()) {
      return BatchStatus.COMPLETED;
    }
    if (cancelled == total()) {
      return BatchStatus.CANCELLED;
    }
    return completed == 0 ? BatchStatus.FAILED : BatchStatus.PARTIALLY_FAILED;
  }
}
