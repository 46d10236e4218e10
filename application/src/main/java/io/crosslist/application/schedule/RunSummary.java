package io.crosslist.application.schedule;

import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one run of a recurring task did, for its log line and metrics.
 *
 * @param task the task's name
 * @param processed tenants whose work succeeded
 * @param failed tenants whose work threw; the run went on without them
 * @param skipped tenants with nothing to do
 * @param itemsChanged rows or accounts the run changed (drafts deleted, tokens refreshed, ...)
 * @param duration how long the run took
 * @param failedTenants the first failed tenants (at most {@value #FAILED_SAMPLE}), to look into
 */
public record RunSummary(String task, int processed, int failed, int skipped, long itemsChanged, Duration duration,
    List<TenantId> failedTenants) {
  public static final int FAILED_SAMPLE = 20;

  public RunSummary {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(duration, "duration");
    failedTenants = List.copyOf(failedTenants);
  }

  /** This run and {@code other} (another pass of the same task) as one. */
  public RunSummary plus(RunSummary other) {
    List<TenantId> failures = new java.util.ArrayList<>(failedTenants);
    failures.addAll(other.failedTenants);
    return new RunSummary(task, processed + other.processed, failed + other.failed, skipped + other.skipped,
        itemsChanged + other.itemsChanged, duration.plus(other.duration),
        failures.subList(0, Math.min(failures.size(), FAILED_SAMPLE)));
  }

  @Override
  public String toString() {
    return "%s: %d tenant(s) processed, %d failed%s, %d skipped, %d item(s) changed, in %d ms".formatted(task,
        processed, failed, failedTenants.isEmpty() ? "" : " " + failedTenants, skipped, itemsChanged,
        duration.toMillis());
  }
}
