package io.crosslist.application.job.port.in;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.JobGrouping;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * In-port: groups existing standalone jobs into batches, tenant by tenant ({@code crosslist jobs batch-existing},
 * {@code POST /admin/jobs/batch-existing}). In each tenant, jobs in no batch that no worker is running, of one
 * marketplace and action, each enqueued within the window of the one before it, become one batch whose counts
 * are their statuses ({@link JobGrouping}); a lone job stays standalone. Each tenant is grouped in one transaction;
 * a tenant that fails is named in the summary and the others go on. A second run changes nothing: grouped jobs are
 * not standalone any more.
 *
 * <pre>{@code
 * GroupingReport report = useCase.group(new GroupCommand(TenantScope.ALL, Duration.ofMinutes(10), false));
 * }</pre>
 */
public interface GroupStandaloneJobsUseCase {

  /** As {@link #group(GroupCommand, SweepProgress)} without progress. */
  default GroupingReport group(GroupCommand command) {
    return group(command, SweepProgress.NONE);
  }

  /**
   * Groups (or, on a dry run, only finds) the batches of every tenant of {@code command.scope()}, telling
   * {@code progress} about each tenant as it ends.
   */
  GroupingReport group(GroupCommand command, SweepProgress progress);

  /**
   * @param scope every provisioned tenant ({@link TenantScope#ALL}) or a selection
   * @param window the longest gap between two jobs' enqueue times within one batch, 1 s to 7 days
   * @param dryRun find the groups, change nothing
   */
  record GroupCommand(TenantScope scope, Duration window, boolean dryRun) {
    public GroupCommand {
      Objects.requireNonNull(scope, "scope");
      JobGrouping.validWindow(window);
    }
  }

  /**
   * One batch made (or, on a dry run, that would be made) of standalone jobs.
   *
   * @param batch the batch, null on a dry run
   */
  record GroupedBatch(BatchId batch, JobType type, List<JobId> jobs, BatchCounts counts, Instant firstEnqueuedAt,
      Instant lastEnqueuedAt) {
    public GroupedBatch {
      Objects.requireNonNull(type, "type");
      jobs = List.copyOf(jobs);
      Objects.requireNonNull(counts, "counts");
    }
  }

  /** What one tenant's grouping did (a tenant that failed has none; it is in the summary's failures). */
  record TenantGrouping(io.crosslist.domain.tenant.TenantId tenant, List<GroupedBatch> batches) {
    public TenantGrouping {
      Objects.requireNonNull(tenant, "tenant");
      batches = List.copyOf(batches);
    }

    /** Jobs moved into batches (on a dry run: that would be). */
    public int jobsMoved() {
      return batches.stream().mapToInt(b -> b.jobs().size()).sum();
    }
  }

  /**
   * @param summary tenants processed, failed (with their causes) and skipped; items are the jobs moved
   * @param tenants each processed tenant's batches, in tenant id order
   */
  record GroupingReport(boolean dryRun, Duration window, RunSummary summary, List<TenantGrouping> tenants) {
    public GroupingReport {
      Objects.requireNonNull(summary, "summary");
      tenants = List.copyOf(tenants);
    }

    /** Batches made (or that would be) over every tenant. */
    public int batches() {
      return tenants.stream().mapToInt(t -> t.batches().size()).sum();
    }

    /** Jobs moved (or that would be) over every tenant. */
    public long jobsMoved() {
      return tenants.stream().mapToLong(TenantGrouping::jobsMoved).sum();
    }
  }
}
