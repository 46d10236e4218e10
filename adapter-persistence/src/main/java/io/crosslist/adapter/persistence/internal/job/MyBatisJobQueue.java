package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link JobQueue} on the shared dispatch index. A claim is two short steps: one statement on the
 * shared index leases the entries (fair, {@code FOR UPDATE SKIP LOCKED}: {@link #lease}), each for an
 * attempt that starts there; then each tenant's leased jobs are read with one statement in that tenant's
 * schema ({@link #start}, the set-based form of {@code MarketplaceJob.start}). The start writes nothing:
 * the running attempt lives in the dispatch entry, and the job row, still PENDING, is written once, when
 * the attempt ends (reads show the job RUNNING meanwhile; see {@code viewColumns} in JobMapper.xml).
 *
 * <p>Successes are finished with one tenant statement in auto-commit ({@link #complete}), however many
 * jobs of the tenant finish together: the cheapest finish there is. Each job's entry stays leased to its
 * worker, so nobody claims it, and is removed with the entries of other completed jobs by one shared
 * statement at this queue's next call (a tenant statement only reads shared tables, so the two cannot be one
 * statement). A worker that stops ends its leases ({@link #endLeases}). If the process dies before the
 * removal, the next maintenance tick of any worker removes the entry, if the tenant has work waiting that it
 * could hold back ({@link #removeEndedLeases}), or else the rescue once the lease expired. If the worker dies
 * during the attempt, the rescue finds the job RUNNING, counts the lost attempt and makes it claimable again
 * (or fails it when its attempts are used up). The maintenance is in {@link LeaseMaintenance}.
 */
@Singleton
public final class MyBatisJobQueue implements JobQueue {
  private static final Logger LOG = LoggerFactory.getLogger(MyBatisJobQueue.class);
  private final MyBatisUnitOfWork sessions;
  private final MarketplaceJobRepository jobs;
  private final MyBatisJobRepository starter;
  private final LeaseMaintenance maintenance;
  /** The last tenant served: the next claim starts after it, then wraps around (round robin). */
  private final AtomicLong cursor = new AtomicLong();
  /** Dispatch entries of jobs completed since the last call: {tenant id, job id}. */
  private final ConcurrentLinkedQueue<long[]> completed = new ConcurrentLinkedQueue<>();

  @Inject
  MyBatisJobQueue(MyBatisUnitOfWork sessions, MyBatisJobRepository jobs, LeaseMaintenance maintenance) {
    this.sessions = sessions;
    this.jobs = jobs;
    this.starter = jobs;
    this.maintenance = maintenance;
  }

  @Override
  public List<Lease> lease(String worker, ClaimRequest request) {
    requireWorker(worker);
    Objects.requireNonNull(request, "request");
    removeCompleted(); // first, so that the caps count only jobs still running
    long after = cursor.get();
    List<DispatchEntry> leased = new ArrayList<>(lease(worker, after, Long.MAX_VALUE, request.limit(), request));
    if (leased.size() < request.limit() && after > 0) {
      leased.addAll(lease(worker, 0, after, request.limit() - leased.size(), request)); // wrap around
    }
    if (!leased.isEmpty()) {
      cursor.set(leased.get(leased.size() - 1).tenantId);
    }
    return leased.stream()
        .map(e -> new Lease(TenantId.of(e.tenantId), JobId.of(e.jobId), Marketplace.of(e.marketplace),
            e.attemptStartedAt))
        .toList();
  }

  @Override
  public List<ClaimedJob> start(String worker, TenantId tenant, List<Lease> leases) {
    requireWorker(worker);
    Objects.requireNonNull(tenant, "tenant");
    for (Lease lease : leases) {
      if (!lease.tenant().equals(tenant)) {
        throw new IllegalArgumentException("lease of job " + lease.job() + " is of " + lease.tenant() + ", not "
            + tenant);
      }
    }
    if (leases.isEmpty()) {
      return List.of();
    }
    // one statement reads the tenant's leased jobs as started; the rare leftovers (cancelled or finished
    // meanwhile) are looked at one by one
    List<ClaimedJob> claimed = new ArrayList<>(leases.size());
    Set<JobId> started = new HashSet<>();
    try {
      for (MarketplaceJob job : starter.startClaimed(tenant, leases)) {
        claimed.add(new ClaimedJob(tenant, job));
        started.add(job.id());
      }
    } catch (UnknownTenantException e) {
      // the tenant is gone: the one-by-one path removes its entries
    }
    for (Lease lease : leases) {
      if (!started.contains(lease.job())) {
        notStarted(worker, lease);
      }
    }
    return claimed;
  }

  /** A leased job the start did not return: removes the entry of a job that ended, else gives it back. */
  private void notStarted(String worker, Lease lease) {
    TenantId tenant = lease.tenant();
    DispatchEntry entry = DispatchEntry.of(tenant.value(), lease.job().value());
    try {
      Optional<MarketplaceJob> job = jobs.findById(tenant, lease.job());
      if (job.isEmpty() || job.get().status().isTerminal()) {
        sessions.callShared(s -> dispatch(s).remove(entry.tenantId, entry.jobId)); // stale entry
      } else {
        release(entry, worker); // a no-op if the lease is no longer this worker's
      }
    } catch (UnknownTenantException e) {
      sessions.callShared(s -> dispatch(s).remove(entry.tenantId, entry.jobId));
    }
  }

  @Override
  public boolean giveBack(String worker, Lease lease) {
    requireWorker(worker);
    return sessions.callShared(s -> dispatch(s).release(lease.tenant().value(), lease.job().value(), worker)) == 1;
  }

  private List<DispatchEntry> lease(String worker, long afterTenant, long upToTenant, int limit, ClaimRequest r) {
    // one statement, so auto-commit makes it atomic without a second round trip for the commit
    List<DispatchEntry> entries = sessions.callShared(s -> dispatch(s)
        .claim(worker, afterTenant, upToTenant, limit, r.perTenant(), r.tenantCap(), r.marketplaceCap(),
            r.marketplaces().stream().map(Marketplace::name).toList(), r.lease().toMillis()));
    // the statement returns rows in no particular order; the cursor needs the highest tenant served
    List<DispatchEntry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> Long.compare(a.tenantId, b.tenantId));
    return sorted;
  }

  @Override
  public Set<JobId> complete(TenantId tenant, List<Completion> completions) {
    Objects.requireNonNull(tenant, "tenant");
    if (completions.isEmpty()) {
      return Set.of();
    }
    Set<JobId> stored = new HashSet<>();
    for (long id : starter.completeRunning(tenant, completions)) {
      stored.add(JobId.of(id));
      completed.add(new long[] {tenant.value(), id});
    }
    return stored;
  }

  /** Removes the dispatch entries of the jobs completed so far, with one statement; keeps them on failure. */
  private void removeCompleted() {
    List<long[]> taken = new ArrayList<>();
    for (long[] entry; taken.size() < 10_000 && (entry = completed.poll()) != null; ) {
      taken.add(entry);
    }
    if (taken.isEmpty()) {
      return;
    }
    Long[] tenants = new Long[taken.size()];
    Long[] ids = new Long[taken.size()];
    for (int i = 0; i < taken.size(); i++) {
      tenants[i] = taken.get(i)[0];
      ids[i] = taken.get(i)[1];
    }
    try {
      sessions.callShared(s -> dispatch(s).removeAll(tenants, ids));
    } catch (RuntimeException e) {
      completed.addAll(taken); // the entries stay leased, so unclaimable, meanwhile; the next call tries again
      LOG.warn("could not remove the dispatch entries of {} completed job(s); will retry", taken.size(), e);
    }
  }

  @Override
  public int rescueExpiredLeases(int limit) {
    return maintenance.rescueExpiredLeases(limit);
  }

  /** First removes this process's own completed entries, so that only other workers' are looked for. */
  @Override
  public int removeEndedLeases(int tenants, int heldAtLeast) {
    removeCompleted();
    return maintenance.removeEndedLeases(tenants, heldAtLeast);
  }

  @Override
  public int renewLeases(String worker, Duration lease) {
    requireWorker(worker);
    Objects.requireNonNull(lease, "lease");
    removeCompleted();
    return sessions.callShared(s -> dispatch(s).renew(worker, lease.toMillis()));
  }

  @Override
  public int expireOverdue(int limit) {
    return maintenance.expireOverdue(limit);
  }

  /**
   * Removes the entries of the jobs completed so far (all of them: the stopping worker's last successes are among
   * them), then ends each lease {@code worker} still holds: removed if its job ended, else given back.
   */
  @Override
  public int endLeases(String worker) {
    requireWorker(worker);
    for (int left = completed.size(); left > 0; ) {
      removeCompleted();
      int now = completed.size();
      if (now >= left) {
        break; // the removal failed: what is left is ended below, entry by entry
      }
      left = now;
    }
    int given = 0;
    for (DispatchEntry entry : sessions.callShared(s -> dispatch(s).heldBy(worker))) {
      TenantId tenant = TenantId.of(entry.tenantId);
      boolean ended;
      try {
        Optional<MarketplaceJob> job = jobs.findById(tenant, JobId.of(entry.jobId));
        ended = job.isEmpty() || job.get().status().isTerminal();
      } catch (UnknownTenantException e) {
        ended = true;
      }
      if (ended) {
        sessions.callShared(s -> dispatch(s).removeLease(entry.tenantId, entry.jobId, worker, entry.attemptStartedAt));
      } else {
        given += sessions.callShared(s -> dispatch(s).release(entry.tenantId, entry.jobId, worker));
      }
    }
    return given;
  }

  @Override
  public List<QueueDepth> depth() {
    removeCompleted();
    return sessions.callShared(s -> dispatch(s).depth()).stream()
        .map(row -> new QueueDepth(Marketplace.of(row.marketplace), row.waiting, row.held))
        .toList();
  }

  private void release(DispatchEntry entry, String owner) {
    sessions.callShared(s -> dispatch(s).release(entry.tenantId, entry.jobId, owner));
  }

  private static void requireWorker(String worker) {
    if (worker == null || worker.isBlank() || worker.length() > 200) {
      throw ValidationException.of("worker", "must be 1 to 200 characters");
    }
  }

  private static JobDispatchMapper dispatch(org.apache.ibatis.session.SqlSession session) {
    return session.getMapper(JobDispatchMapper.class);
  }
}
