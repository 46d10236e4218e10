package io.crosslist.adapter.persistence;

import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Objects;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link JobQueue} on the shared dispatch index. A claim is two short steps: one statement on the
 * shared index leases the entries (fair, {@code FOR UPDATE SKIP LOCKED}: {@link #lease}); then each
 * tenant's leased jobs are started with one statement in that tenant's schema ({@link #start}, the
 * set-based form of {@code MarketplaceJob.start}; every other status change goes through {@link
 * MarketplaceJobRepository#transition}). A worker that dies between the steps leaves a lease that
 * expires; the rescue finds the job still PENDING, and the entry becomes claimable again.
 *
 * <p>Successes are finished with one tenant statement in auto-commit ({@link #complete}), however many
 * jobs of the tenant finish together: the cheapest finish there is. Each job's entry stays leased to its
 * worker, so nobody claims it, and is removed with the entries of other completed jobs by one shared
 * statement at this queue's next call (a
 * tenant statement only reads shared tables, so the two cannot be one statement). If the process dies
 * before that, the lease expires, the rescue leaves the COMPLETED job alone, and the next claim of the
 * entry finds the job terminal and removes it.
 */
@Singleton
final class MyBatisJobQueue implements JobQueue {
  private static final Logger LOG = LoggerFactory.getLogger(MyBatisJobQueue.class);
  private final MyBatisUnitOfWork sessions;
  private final MarketplaceJobRepository jobs;
  private final MyBatisJobRepository starter;
  private final Clock clock = Clock.systemUTC();
  /** The last tenant served: the next claim starts after it, then wraps around (round robin). */
  private final AtomicLong cursor = new AtomicLong();
  private static final List<String> MARKETPLACES = Arrays.stream(Marketplace.values()).map(Enum::name).toList();
  /** Who holds overdue entries while the expiry sweep ends them; unique per instance. */
  private final String sweeper = "expiry-sweep-" + UUID.randomUUID();
  /** Dispatch entries of jobs completed since the last call: {tenant id, job id}. */
  private final ConcurrentLinkedQueue<long[]> completed = new ConcurrentLinkedQueue<>();

  @Inject
  MyBatisJobQueue(MyBatisUnitOfWork sessions, MyBatisJobRepository jobs) {
    this.sessions = sessions;
    this.jobs = jobs;
    this.starter = jobs;
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
        .map(e -> new Lease(TenantId.of(e.tenantId), JobId.of(e.jobId), Marketplace.valueOf(e.marketplace)))
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
    // one statement starts the tenant's leased jobs; the rare leftovers (cancelled, finished or still running
    // meanwhile) go through the careful one-by-one path
    List<ClaimedJob> claimed = new ArrayList<>(leases.size());
    Set<JobId> started = new HashSet<>();
    try {
      for (MarketplaceJob job : starter.startClaimed(tenant, leases.stream().map(l -> l.job().value()).toList(),
          clock.instant())) {
        claimed.add(new ClaimedJob(tenant, job));
        started.add(job.id());
      }
    } catch (UnknownTenantException e) {
      // the tenant is gone: the one-by-one path removes its entries
    }
    for (Lease lease : leases) {
      if (!started.contains(lease.job())) {
        start(worker, lease).ifPresent(claimed::add);
      }
    }
    return claimed;
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
            MARKETPLACES, r.lease().toMillis()));
    // the statement returns rows in no particular order; the cursor needs the highest tenant served
    List<DispatchEntry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> Long.compare(a.tenantId, b.tenantId));
    return sorted;
  }

  /** Starts a leased job in its tenant's schema; gives the entry back when the job cannot start. */
  private Optional<ClaimedJob> start(String worker, Lease lease) {
    TenantId tenant = lease.tenant();
    DispatchEntry entry = DispatchEntry.of(tenant.value(), lease.job().value());
    try {
      return sessions.inTransaction(tenant, () -> {
        Optional<MarketplaceJob> job = jobs.findById(tenant, lease.job());
        if (job.isEmpty() || job.get().status().isTerminal()) {
          sessions.callShared(s -> dispatch(s).remove(entry.tenantId, entry.jobId)); // stale entry
          return Optional.empty();
        }
        if (job.get().status() != JobStatus.PENDING) {
          return Optional.<ClaimedJob>empty(); // still held by a live worker's attempt: leave it to the rescue
        }
        MarketplaceJob started = jobs.transition(tenant, job.get(), job.get().start(clock.instant()));
        return Optional.of(new ClaimedJob(tenant, started));
      });
    } catch (ConcurrentUpdateException e) {
      release(entry, worker);
      return Optional.empty();
    } catch (UnknownTenantException e) {
      sessions.callShared(s -> dispatch(s).remove(entry.tenantId, entry.jobId));
      return Optional.empty();
    }
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
    List<DispatchEntry> expired = sessions.callShared(s -> dispatch(s).clearExpiredLeases(limit));
    int rescued = 0;
    for (DispatchEntry entry : expired) {
      TenantId tenant = TenantId.of(entry.tenantId);
      try {
        boolean changed = sessions.inTransaction(tenant, () -> jobs.findForUpdate(tenant, JobId.of(entry.jobId))
            .filter(job -> job.status() == JobStatus.RUNNING)
            .map(job -> jobs.transition(tenant, job, job.rescue(clock.instant())))
            .isPresent());
        rescued += changed ? 1 : 0;
      } catch (ConcurrentUpdateException | UnknownTenantException e) {
        // the job moved on meanwhile (finished by its late worker) or its tenant is gone: nothing to rescue
      }
    }
    return rescued;
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
    if (limit < 1) {
      throw ValidationException.of("limit", "must be 1 or more");
    }
    List<DispatchEntry> overdue = sessions.callShared(s -> dispatch(s).leaseOverdue(sweeper, limit));
    int expired = 0;
    for (DispatchEntry entry : overdue) {
      TenantId tenant = TenantId.of(entry.tenantId);
      try {
        boolean changed = sessions.inTransaction(tenant, () -> {
          Optional<MarketplaceJob> job = jobs.findForUpdate(tenant, JobId.of(entry.jobId));
          Instant now = clock.instant();
          if (job.isPresent() && job.get().isExpiredAt(now)) {
            jobs.transition(tenant, job.get(), job.get().expire(now)); // terminal: removes the entry
            return true;
          }
          return false;
        });
        if (changed) {
          expired++;
        } else {
          release(entry, sweeper); // not expired by this clock yet, or no longer PENDING
        }
      } catch (ConcurrentUpdateException e) {
        release(entry, sweeper);
      } catch (UnknownTenantException e) {
        sessions.callShared(s -> dispatch(s).remove(entry.tenantId, entry.jobId));
      }
    }
    return expired;
  }

  @Override
  public List<QueueDepth> depth() {
    removeCompleted();
    return sessions.callShared(s -> dispatch(s).depth()).stream()
        .map(row -> new QueueDepth(Marketplace.valueOf(row.marketplace), row.waiting, row.held))
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
