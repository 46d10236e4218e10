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
 * @param failures the first failed tenants (at most {@value #FAILED_SAMPLE}) with their causes, to look into
 */
public record RunSummary(String task, int processed, int failed, int skipped, long itemsChanged, Duration duration,
    List<TenantFailure> failures) {
  public static final int FAILED_SAMPLE = 20;

  public RunSummary {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(duration, "duration");
    failures = List.copyOf(failures);
  }

  /** The tenants of {@link #failures}. */
  public List<TenantId> failedTenants() {
    return failures.stream().map(TenantFailure::tenant).toList();
  }

  /** This run and {@code other} (another pass of the same task) as one. */
  public RunSummary plus(RunSummary other) {
    List<TenantFailure> all = new java.util.ArrayList<>(failures);
    all.addAll(other.failures);
    return new RunSummary(task, processed + other.processed, failed + other.failed, skipped + other.skipped,
        itemsChanged + other.itemsChanged, duration.plus(other.duration),
        all.subList(0, Math.min(all.size(), FAILED_SAMPLE)));
  }

  @Override
  public String toString() {
    return "%s: %d tenant(s) processed, %d failed%s, %d skipped, %d item(s) changed, in %d ms".formatted(task,
        processed, failed, failures.isEmpty() ? "" : " " + failedTenants(), skipped, itemsChanged,
        duration.toMillis());
  }
}
