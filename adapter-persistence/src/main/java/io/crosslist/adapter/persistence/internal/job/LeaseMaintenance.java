package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;

/**
 * The maintenance of the dispatch index that {@link MyBatisJobQueue} runs for the workers' maintenance ticks:
 * leases that expired (their worker died), leases left on jobs that had ended, and waiting jobs past their expiry
 * time. Each job is changed in a transaction of its tenant that locks in the engine's order: the job row, then
 * its entry.
 */
@Singleton
final class LeaseMaintenance {
  private final MyBatisUnitOfWork sessions;
  private final MyBatisJobRepository jobs;
  private final MyBatisJobJournal journal;
  private final Clock clock = Clock.systemUTC();
  /** Who holds overdue entries while the expiry sweep ends them; unique per instance. */
  private final String sweeper = "expiry-sweep-" + UUID.randomUUID();
  /** The last tenant whose leases were checked for ended jobs: the next check starts after it (in turns). */
  private final AtomicLong endedCursor = new AtomicLong();

  @Inject
  LeaseMaintenance(MyBatisUnitOfWork sessions, MyBatisJobRepository jobs, MyBatisJobJournal journal) {
    this.sessions = sessions;
    this.jobs = jobs;
    this.journal = journal;
  }

  /**
   * Each expired lease in its own transaction of the job's tenant, locking in the order every finish locks:
   * the job row, then the entry (which must still be expired). A job that reads RUNNING lost its attempt:
   * {@code MarketplaceJob.rescue} counts it, and the job waits again (or fails with its attempts used up). A
   * job that ended only needs its entry removed; any other lease (the expiry sweep's, or one whose attempt
   * never started) just ends.
   */
  int rescueExpiredLeases(int limit) {
    return sweep(sessions.callShared(s -> dispatch(s).expiredLeases(limit)), this::rescue, entry -> {
      // the job moved on meanwhile (finished by its late worker, or the lease renewed or ended): nothing to rescue
    });
  }

  /** One expired lease, in a transaction of its tenant: true when its job was rescued. */
  private boolean rescue(TenantId tenant, DispatchEntry entry) {
    Optional<MarketplaceJob> job = jobs.findForUpdate(tenant, JobId.of(entry.jobId));
    if (sessions.callShared(s -> dispatch(s).lockExpired(entry.tenantId, entry.jobId)) == null) {
      return false; // renewed, ended or being rescued by another worker meanwhile
    }
    if (job.isEmpty() || job.get().status().isTerminal()) {
      remove(entry);
      return false;
    }
    if (job.get().status() == JobStatus.RUNNING) {
      Instant now = clock.instant();
      MarketplaceJob next = jobs.transition(tenant, job.get(), job.get().rescue(now)); // lease cleared
      if (next.status() == JobStatus.FAILED) { // its attempts are used up: logged as any exhausted job is
        journal.recordError(tenant, new MarketplaceError(next.marketplace(), next.id(), "EXHAUSTED",
            next.lastError(), null, now));
        journal.recordFinished(tenant, now.atZone(ZoneOffset.UTC).toLocalDate(), next.marketplace(),
            next.action(), false, 0);
      }
      return true;
    }
    sessions.callShared(s -> dispatch(s).clearLease(entry.tenantId, entry.jobId));
    return false;
  }

  /**
   * Looks, in turns, at tenants that hold at least {@code heldAtLeast} leases and have work waiting, and removes
   * their leased entries whose jobs ended: one tenant statement finds them (it reads the shared table, which a
   * tenant statement may), one shared statement per entry removes it if its lease is still the one read.
   */
  int removeEndedLeases(int tenants, int heldAtLeast) {
    if (tenants < 1 || tenants > 1_000) {
      throw ValidationException.of("tenants", "must be between 1 and 1000");
    }
    if (heldAtLeast < 1) {
      throw ValidationException.of("heldAtLeast", "must be 1 or more");
    }
    long after = endedCursor.get();
    List<Long> found = new ArrayList<>(sessions.callShared(s -> dispatch(s)
        .tenantsHoldingLeases(after, Long.MAX_VALUE, heldAtLeast, tenants)));
    if (found.size() < tenants && after > 0) { // wrap around
      found.addAll(sessions.callShared(s -> dispatch(s).tenantsHoldingLeases(0, after, heldAtLeast,
          tenants - found.size())));
    }
    endedCursor.set(found.isEmpty() ? 0 : found.get(found.size() - 1));
    int removed = 0;
    for (long id : found) {
      TenantId tenant = TenantId.of(id);
      List<DispatchEntry> ended;
      try {
        ended = sessions.call(tenant, s -> s.getMapper(JobMapper.class).endedLeases(tenant));
      } catch (UnknownTenantException e) {
        continue; // the tenant is gone: the rescue removes its entries when their leases expire
      }
      for (DispatchEntry entry : ended) {
        removed += sessions.callShared(s -> dispatch(s).removeLease(entry.tenantId, entry.jobId, entry.leaseOwner,
            entry.attemptStartedAt));
      }
    }
    return removed;
  }

  /** Leases overdue waiting entries to the sweeper, then expires each job in a transaction of its tenant. */
  int expireOverdue(int limit) {
    if (limit < 1) {
      throw ValidationException.of("limit", "must be 1 or more");
    }
    // an entry whose job is not expired by this clock yet, is no longer PENDING or moved on meanwhile goes back
    return sweep(sessions.callShared(s -> dispatch(s).leaseOverdue(sweeper, limit)), this::expire, this::release);
  }

  /** One overdue entry, in a transaction of its tenant: true when its job expired (terminal: removes the entry). */
  private boolean expire(TenantId tenant, DispatchEntry entry) {
    Optional<MarketplaceJob> job = jobs.findForUpdate(tenant, JobId.of(entry.jobId));
    Instant now = clock.instant();
    if (job.isPresent() && job.get().isExpiredAt(now)) {
      jobs.transition(tenant, job.get(), job.get().expire(now));
      return true;
    }
    return false;
  }

  /**
   * The per-tenant sweep of the rescue and the expiry: each entry in its own transaction of its tenant, which
   * {@code work} runs in (locking the job row, then the entry); {@code unchanged} gets each entry whose job the work
   * left as it was (it returned false, or the job moved on meanwhile). The entry of a tenant that is gone is
   * removed. Returns how many jobs the work changed.
   */
  private int sweep(List<DispatchEntry> entries, BiPredicate<TenantId, DispatchEntry> work,
      Consumer<DispatchEntry> unchanged) {
    int changed = 0;
    for (DispatchEntry entry : entries) {
      TenantId tenant = TenantId.of(entry.tenantId);
      try {
        if (sessions.inTransaction(tenant, () -> work.test(tenant, entry))) {
          changed++;
        } else {
          unchanged.accept(entry);
        }
      } catch (ConcurrentUpdateException e) {
        unchanged.accept(entry);
      } catch (UnknownTenantException e) {
        remove(entry);
      }
    }
    return changed;
  }

  private void remove(DispatchEntry entry) {
    sessions.callShared(s -> dispatch(s).remove(entry.tenantId, entry.jobId));
  }

  private void release(DispatchEntry entry) {
    sessions.callShared(s -> dispatch(s).release(entry.tenantId, entry.jobId, sweeper));
  }

  private static JobDispatchMapper dispatch(SqlSession session) {
    return session.getMapper(JobDispatchMapper.class);
  }
}
