package io.crosslist.domain.job;

import io.crosslist.domain.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which standalone jobs belong together in a batch: jobs of one type (marketplace and action), each enqueued
 * within {@code window} of the one before it (a gap-based grouping: a gap longer than the window starts a new
 * group). Only groups of two or more jobs are batches; a lone job stays standalone.
 *
 * <pre>{@code
 * List<JobGrouping.Group> groups = JobGrouping.groups(candidates, Duration.ofMinutes(10));
 * }</pre>
 */
public final class JobGrouping {
  /** The shortest window: one second. */
  public static final Duration MIN_WINDOW = Duration.ofSeconds(1);
  /** The longest window: seven days. */
  public static final Duration MAX_WINDOW = Duration.ofDays(7);

  private JobGrouping() {}

  /**
   * Jobs that become one batch, in enqueue order.
   *
   * @param jobs two or more jobs of {@code type}
   */
  public record Group(JobType type, List<StandaloneJob> jobs) {
    public Group {
      Objects.requireNonNull(type, "type");
      jobs = List.copyOf(jobs);
      if (jobs.size() < 2) {
        throw new IllegalArgumentException("a group holds two or more jobs, got " + jobs.size());
      }
    }

    /** The counts the batch starts with: each job counted in its status. */
    public BatchCounts counts() {
      int pending = 0;
      int completed = 0;
      int failed = 0;
      int cancelled = 0;
      int expired = 0;
      for (StandaloneJob job : jobs) {
        switch (job.status()) {
          case PENDING -> pending++;
          case COMPLETED -> completed++;
          case FAILED -> failed++;
          case CANCELLED -> cancelled++;
          case EXPIRED -> expired++;
          case RUNNING -> throw new IllegalStateException("a running job is never grouped");
        }
      }
      return new BatchCounts(pending, 0, completed, failed, cancelled, expired);
    }

    /** The job ids, in enqueue order. */
    public List<JobId> jobIds() {
      return jobs.stream().map(StandaloneJob::id).toList();
    }

    /** A description for the batch (at most 200 characters). */
    public String description() {
      return "%s: %d standalone jobs enqueued %s to %s".formatted(type, jobs.size(), jobs.get(0).enqueuedAt(),
          jobs.get(jobs.size() - 1).enqueuedAt());
    }
  }

  /**
   * Checks a grouping window.
   *
   * @throws ValidationException naming {@code window} when it is null or outside 1 s to 7 days
   */
  public static Duration validWindow(Duration window) {
    if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
      throw ValidationException.of("window", "must be between 1 second and 7 days, got " + window);
    }
    return window;
  }

  /**
   * The groups of two or more among {@code jobs}, by type (marketplace, then action), then enqueue time.
   *
   * @throws ValidationException when {@code window} is outside 1 s to 7 days
   */
  public static List<Group> groups(Collection<StandaloneJob> jobs, Duration window) {
    validWindow(window);
    Map<JobType, List<StandaloneJob>> byType = new TreeMap<>();
    for (StandaloneJob job : jobs) {
      byType.computeIfAbsent(job.type(), t -> new ArrayList<>()).add(job);
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<JobType, List<StandaloneJob>> entry : byType.entrySet()) {
      List<StandaloneJob> sorted = new ArrayList<>(entry.getValue());
      sorted.sort(Comparator.comparing(StandaloneJob::enqueuedAt).thenComparing(j -> j.id().value()));
      List<StandaloneJob> current = new ArrayList<>();
      for (StandaloneJob job : sorted) {
        if (!current.isEmpty()
            && Duration.between(current.get(current.size() - 1).enqueuedAt(), job.enqueuedAt()).compareTo(window) > 0) {
          close(entry.getKey(), current, groups);
        }
        current.add(job);
      }
      close(entry.getKey(), current, groups);
    }
    return groups;
  }

  private static void close(JobType type, List<StandaloneJob> current, List<Group> groups) {
    if (current.size() >= 2) {
      groups.add(new Group(type, current));
    }
    current.clear();
  }
}
