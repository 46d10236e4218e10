package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.application.schedule.TenantSweep;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.JobGrouping;
import io.crosslist.domain.job.StandaloneJob;
import io.crosslist.domain.tenant.Tenant;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link GroupStandaloneJobsUseCase} over the {@link TenantSweep}: every provisioned tenant (active or suspended;
 * a suspended tenant's jobs do not run meanwhile, so grouping them is as safe), each in its own unit of work.
 */
public final class StandaloneJobGroupingService implements GroupStandaloneJobsUseCase {
  /** The name of the sweep, in its summary and logs. */
  public static final String NAME = "batch-existing";
  private final TenantDirectory tenants;
  private final BatchRepository batches;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final int parallelism;

  /** @param parallelism tenants grouped at once, 1 to 64 */
  public StandaloneJobGroupingService(TenantDirectory tenants, BatchRepository batches, UnitOfWork unitOfWork,
      Clock clock, int parallelism) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.batches = Objects.requireNonNull(batches, "batches");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.parallelism = parallelism;
    new TenantSweep(NAME, parallelism, 500); // checks the parallelism now
  }

  @Override
  public GroupingReport group(GroupCommand command, SweepProgress progress) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(progress, "progress");
    Map<TenantId, TenantGrouping> done = new ConcurrentHashMap<>();
    RunSummary summary = new TenantSweep(NAME, parallelism, 500).run(command.scope(),
        (after, limit) -> tenants.tenants(Optional.ofNullable(after), limit).stream().map(Tenant::id).toList(),
        tenant -> {
          TenantGrouping grouping = group(tenant, command);
          done.put(tenant, grouping);
          return grouping.jobsMoved();
        }, progress);
    List<TenantGrouping> report = new ArrayList<>(done.values());
    report.sort(Comparator.comparing(TenantGrouping::tenant));
    return new GroupingReport(command.dryRun(), command.window(), summary, report);
  }

  /** One tenant, in one transaction: nothing of it is grouped unless all of it is. */
  private TenantGrouping group(TenantId tenant, GroupCommand command) {
    return unitOfWork.inTransaction(tenant, () -> {
      List<StandaloneJob> candidates = batches.lockStandaloneJobs(tenant);
      List<GroupedBatch> made = new ArrayList<>();
      for (JobGrouping.Group group : JobGrouping.groups(candidates, command.window())) {
        List<StandaloneJob> jobs = group.jobs();
        BatchJob batch = command.dryRun() ? null : batches.createFromJobs(tenant, group.description(),
            group.jobIds(), group.counts(), jobs.get(0).enqueuedAt(), clock.instant());
        made.add(new GroupedBatch(batch == null ? null : batch.id(), group.type(), group.jobIds(), group.counts(),
            jobs.get(0).enqueuedAt(), jobs.get(jobs.size() - 1).enqueuedAt()));
      }
      return new TenantGrouping(tenant, made);
    });
  }
}
