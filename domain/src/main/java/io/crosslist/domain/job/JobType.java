package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import java.util.Comparator;
import java.util.Objects;

/**
 * A kind of marketplace job: where it runs and what it does. A deployment serves the types it has a {@link
 * JobHandler} for; enqueuing a job of another type is refused.
 */
public record JobType(Marketplace marketplace, JobAction action) implements Comparable<JobType> {
  private static final Comparator<JobType> ORDER = Comparator.comparing(JobType::marketplace)
      .thenComparing(JobType::action);

  public JobType {
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(action, "action");
  }

  public static JobType of(Marketplace marketplace, JobAction action) {
    return new JobType(marketplace, action);
  }

  /** By marketplace, then action. */
  @Override
  public int compareTo(JobType other) {
    return ORDER.compare(this, other);
  }

  /** As {@code "VINTED PUBLISH"}. */
  @Override
  public String toString() {
    return marketplace + " " + action;
  }
}
