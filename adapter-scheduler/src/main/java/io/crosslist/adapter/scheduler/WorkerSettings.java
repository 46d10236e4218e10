package io.crosslist.adapter.scheduler;

import io.crosslist.domain.Violations;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link JobWorkerPool} works. Validated as a whole at construction; every problem names its
 * field and rule.
 *
 * @param workerId names this worker in leases, 1 to 200 characters, unique per running instance
 * @param concurrency handlers running at once in this worker, 1 to 1,000
 * @param claimBatch most jobs claimed in one claim cycle, 1 to 1,000; the worker also holds up to this many
 *     claimed jobs waiting for a free handler
 * @param perTenant most jobs of one tenant in one claim cycle (fairness), 1 to claimBatch
 * @param tenantCap most running jobs of one tenant across all workers, at least perTenant
 * @param marketplaceCap most running jobs of one tenant on one marketplace across all workers, 1 to tenantCap
 * @param lease how long a claimed job stays held without a heartbeat, 1 s to 1 h
 * @param heartbeat how often leases are renewed; less than a third of the lease
 * @param pollMin wait after a claim that found some but not a full batch of work, 1 ms or more
 * @param pollMax longest wait between claims when idle (the wait doubles from pollMin while idle)
 * @param maintenance how often this worker removes the leases dead workers left on ended jobs, rescues abandoned
 *     jobs, expires overdue ones and reads queue depth
 * @param shutdownTimeout how long shutdown waits for running handlers before releasing their jobs
 * @param finishDelay the longest a success waits to be stored together with the other jobs of its tenant
 *     claimed with it (0 to 1 s; 0 stores each job on its own): one statement for all the successes of the
 *     group once its last handler ends, or this long after the first ended, whichever comes first
 */
public record WorkerSettings(String workerId, int concurrency, int claimBatch, int perTenant, int tenantCap,
    int marketplaceCap, Duration lease, Duration heartbeat, Duration pollMin, Duration pollMax, Duration maintenance,
    Duration shutdownTimeout, Duration finishDelay) {

  public WorkerSettings {
    Violations v = new Violations();
    v.require(workerId != null && !workerId.isBlank() && workerId.length() <= 200, "workerId",
        "must be 1 to 200 characters");
    v.require(concurrency >= 1 && concurrency <= 1_000, "concurrency", "must be between 1 and 1000");
    v.require(claimBatch >= 1 && claimBatch <= 1_000, "claimBatch", "must be between 1 and 1000");
    v.require(perTenant >= 1 && perTenant <= claimBatch, "perTenant", "must be between 1 and claimBatch");
    v.require(tenantCap >= perTenant, "tenantCap", "must be at least perTenant");
    v.require(marketplaceCap >= 1 && marketplaceCap <= tenantCap, "marketplaceCap", "must be between 1 and tenantCap");
    v.require(lease != null && lease.compareTo(Duration.ofSeconds(1)) >= 0 && lease.compareTo(Duration.ofHours(1)) <= 0,
        "lease", "must be between 1s and 1h");
    v.require(heartbeat != null && lease != null && heartbeat.toMillis() >= 1
        && heartbeat.multipliedBy(3).compareTo(lease) <= 0, "heartbeat", "must be at least 1ms and at most a third of lease");
    v.require(pollMin != null && pollMin.toMillis() >= 1, "pollMin", "must be at least 1ms");
    v.require(pollMax != null && pollMin != null && pollMax.compareTo(pollMin) >= 0, "pollMax",
        "must be at least pollMin");
    v.require(maintenance != null && maintenance.toMillis() >= 1, "maintenance", "must be at least 1ms");
    v.require(shutdownTimeout != null && !shutdownTimeout.isNegative(), "shutdownTimeout", "must be 0 or more");
    v.require(finishDelay != null && !finishDelay.isNegative() && finishDelay.compareTo(Duration.ofSeconds(1)) <= 0,
        "finishDelay", "must be between 0 and 1s");
    v.throwIfAny();
  }

  /**
   * Sensible defaults for {@code workerId}: as many handlers as claimed per cycle (16), 2 jobs per
   * tenant per cycle, 8 running per tenant and 4 per (tenant, marketplace), a 60 s lease renewed every
   * 15 s, polling between 50 ms and 2 s, maintenance every 5 s, 30 s to finish on shutdown, successes
   * of a tenant's jobs claimed together stored together within 20 ms.
   */
  public static WorkerSettings defaults(String workerId) {
    return new WorkerSettings(workerId, 16, 16, 2, 8, 4, Duration.ofSeconds(60), Duration.ofSeconds(15),
        Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(20));
  }

  public WorkerSettings withConcurrency(int newConcurrency, int newClaimBatch) {
    return new WorkerSettings(workerId, newConcurrency, newClaimBatch, Math.max(1, Math.min(perTenant, newClaimBatch)), tenantCap,
        marketplaceCap, lease, heartbeat, pollMin, pollMax, maintenance, shutdownTimeout, finishDelay);
  }

  public WorkerSettings withCaps(int newPerTenant, int newTenantCap, int newMarketplaceCap) {
    return new WorkerSettings(workerId, concurrency, claimBatch, newPerTenant, newTenantCap, newMarketplaceCap, lease,
        heartbeat, pollMin, pollMax, maintenance, shutdownTimeout, finishDelay);
  }

  public WorkerSettings withTiming(Duration newLease, Duration newHeartbeat, Duration newPollMin, Duration newPollMax,
      Duration newMaintenance, Duration newShutdownTimeout) {
    return new WorkerSettings(workerId, concurrency, claimBatch, perTenant, tenantCap, marketplaceCap, newLease,
        newHeartbeat, newPollMin, newPollMax, newMaintenance, newShutdownTimeout, finishDelay);
  }

  /** These settings with another {@code finishDelay} ({@link Duration#ZERO}: each success stored on its own). */
  public WorkerSettings withFinishDelay(Duration newFinishDelay) {
    return new WorkerSettings(workerId, concurrency, claimBatch, perTenant, tenantCap, marketplaceCap, lease,
        heartbeat, pollMin, pollMax, maintenance, shutdownTimeout, newFinishDelay);
  }

  /** The claim for up to {@code limit} jobs of {@code marketplaces} with these caps and lease. */
  ClaimRequest claim(int limit, List<Marketplace> marketplaces) {
    return new ClaimRequest(limit, Math.min(perTenant, limit), tenantCap, marketplaceCap, lease, marketplaces);
  }
}
