package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.Page;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.crosslist.domain.job.JobQueue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;

/**
 * {@link MarketplaceJobRepository} on {@code ${tenant}.marketplace_jobs}, keeping the shared dispatch
 * index and the batch counts in the same transaction as the job.
 */
@Singleton
public final class MyBatisJobRepository implements MarketplaceJobRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisJobRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public MarketplaceJob enqueue(TenantId tenant, MarketplaceJob job) {
    if (job.id() != null || job.status() != JobStatus.PENDING) {
      throw new IllegalArgumentException("only a new PENDING job can be enqueued, got " + job.status() + " job "
          + job.id());
    }
    return sessions.inTransaction(tenant, () -> {
      Long id = sessions.call(tenant, s -> jobs(s).insert(tenant, JobRow.of(job)));
      if (id == null) {
        return sessions.call(tenant, s -> jobs(s).findByIdempotencyKey(tenant, job.idempotencyKey()))
            .map(JobRow::toJob)
            .orElseThrow(() -> new IllegalStateException("idempotency key of " + tenant + " taken but not found"));
      }
      MarketplaceJob stored = job.stored(JobId.of(id));
      makeClaimable(tenant, stored);
      if (stored.batch() != null) {
        sessions.call(tenant, s -> s.getMapper(BatchMapper.class)
            .move(tenant, stored.batch().value(), null, JobStatus.PENDING.name(), stored.updatedAt()));
      }
      return stored;
    });
  }

  @Override
  public Optional<MarketplaceJob> findById(TenantId tenant, JobId id) {
    return sessions.call(tenant, s -> jobs(s).findById(tenant, id.value())).map(JobRow::toJob);
  }

  /**
   * Locks the job's row, then its dispatch entry, and reads the job again if it may have been leased or given
   * back between the two (the row's lock does not stop a claim, which only touches the entry).
   */
  @Override
  public Optional<MarketplaceJob> findForUpdate(TenantId tenant, JobId id) {
    Optional<MarketplaceJob> job = sessions.call(tenant, s -> jobs(s).findForUpdate(tenant, id.value()))
        .map(JobRow::toJob);
    if (job.isEmpty() || job.get().status().isTerminal() || !sessions.inTransaction()) {
      return job; // an ended job has no entry, and outside a transaction nothing stays locked
    }
    sessions.callShared(s -> dispatch(s).lockEntries(tenant.value(), new Long[] {id.value()}));
    return findById(tenant, id);
  }

  @Override
  public List<MarketplaceJob> findUnfinishedForUpdate(TenantId tenant, BatchId batch, JobId after, int limit) {
    Objects.requireNonNull(batch, "batch");
    if (limit < 1 || limit > 1_000) {
      throw ValidationException.of("limit", "must be between 1 and 1000");
    }
    if (!sessions.inTransaction()) {
      throw new IllegalStateException("findUnfinishedForUpdate holds jobs until a unit of work ends; call it in one");
    }
    List<Long> ids = sessions.call(tenant, s -> jobs(s).lockUnfinishedInBatch(tenant, batch.value(),
        after == null ? 0 : after.value(), limit));
    if (ids.isEmpty()) {
      return List.of();
    }
    Long[] held = ids.toArray(Long[]::new);
    sessions.callShared(s -> dispatch(s).lockEntries(tenant.value(), held));
    // read once both are held: the jobs' states cannot change any more until the transaction ends
    return sessions.call(tenant, s -> jobs(s).findByIds(tenant, held)).stream().map(JobRow::toJob).toList();
  }

  /**
   * The claim's second step, a read: the leased jobs that are still PENDING, as {@link MarketplaceJob#start}
   * makes them at their lease's time. Nothing is written (the attempt lives in the entry until it ends); jobs
   * no longer PENDING are left out.
   */
  List<MarketplaceJob> startClaimed(TenantId tenant, List<JobQueue.Lease> leases) {
    Long[] ids = leases.stream().map(l -> l.job().value()).toArray(Long[]::new);
    String[] startedAt = leases.stream().map(l -> l.attemptStartedAt().toString()).toArray(String[]::new);
    return sessions.call(tenant, s -> jobs(s).startClaimed(tenant, ids, startedAt)).stream().map(JobRow::toJob)
        .toList();
  }

  /**
   * The success finish of running attempts of one tenant in one statement (see {@code completeRunning} in
   * the mapper XML): the jobs, their batch counts and the statistics. The dispatch entries are the caller's
   * to remove.
   *
   * @return the ids of the jobs completed; a job that moved on meanwhile is left out, and nothing is written
   *     for it
   */
  Set<Long> completeRunning(TenantId tenant, List<JobQueue.Completion> completions) {
    int n = completions.size();
    Long[] ids = new Long[n];
    Integer[] attempts = new Integer[n];
    Integer[] done = new Integer[n];
    Integer[] total = new Integer[n];
    String[] messages = new String[n];
    String[] results = new String[n];
    String[] startedAt = new String[n];
    String[] finishedAt = new String[n];
    Long[] durations = new Long[n];
    for (int i = 0; i < n; i++) {
      MarketplaceJob job = completions.get(i).completed();
      ids[i] = job.id().value();
      attempts[i] = job.attempts();
      done[i] = job.progress().done();
      total[i] = job.progress().total();
      messages[i] = job.progress().message();
      results[i] = job.result();
      startedAt[i] = job.startedAt() == null ? null : job.startedAt().toString();
      finishedAt[i] = job.finishedAt().toString(); // ISO-8601, read by PostgreSQL as timestamptz
      durations[i] = Math.max(0, completions.get(i).handlerTime().toMillis());
    }
    return new HashSet<>(sessions.call(tenant, s -> jobs(s).completeRunning(tenant, ids, attempts, done, total,
        messages, results, startedAt, finishedAt, durations)));
  }

  @Override
  public Page<MarketplaceJob> search(TenantId tenant, JobSearch search) {
    int limit = search.limit();
    List<JobRow> rows = sessions.call(tenant, s -> jobs(s).search(tenant,
        search.status() == null ? null : search.status().name(),
        search.marketplace() == null ? null : search.marketplace().name(),
        search.action() == null ? null : search.action().name(),
        search.batch() == null ? null : search.batch().value(),
        search.after() == null ? null : search.after().lastId(), limit + 1));
    List<MarketplaceJob> items = rows.stream().limit(limit).map(JobRow::toJob).toList();
    PageCursor next = rows.size() > limit ? PageCursor.after(items.get(limit - 1).id().value()) : null;
    return new Page<>(items, next);
  }

  @Override
  public MarketplaceJob transition(TenantId tenant, MarketplaceJob previous, MarketplaceJob next) {
    if (previous.id() == null || !previous.id().equals(next.id())) {
      throw new IllegalArgumentException("a transition must keep the job's id: " + previous.id() + " -> " + next.id());
    }
    if (next.status() == JobStatus.RUNNING && previous.status() != JobStatus.RUNNING) {
      // a running attempt is a lease of the job's dispatch entry: nothing in the row could say who holds it
      throw new IllegalArgumentException("job " + next.id() + " starts only through a claim of the job queue, not a "
          + previous.status() + " -> RUNNING transition");
    }
    return sessions.inTransaction(tenant, () -> {
      int changed = sessions.call(tenant, s -> jobs(s).transition(tenant, JobRow.stored(next), next.status().name(),
          previous.status().name(), previous.attempts()));
      if (changed == 0) {
        throw new ConcurrentUpdateException("job", next.id(), previous.status() + " after " + previous.attempts()
            + " attempts");
      }
      if (next.status().isTerminal()) {
        sessions.callShared(s -> dispatch(s).remove(tenant.value(), next.id().value()));
      } else if (next.status() == JobStatus.PENDING) {
        makeClaimable(tenant, next); // new attempt, rescue or user retry: waiting again, lease cleared
      }
      JobStatus from = JobRow.storedStatus(previous.status());
      JobStatus to = JobRow.storedStatus(next.status());
      if (next.batch() != null && from != to) { // the batch counts what the rows store; reads add the running ones
        sessions.call(tenant, s -> s.getMapper(BatchMapper.class).move(tenant, next.batch().value(),
            from.name(), to.name(), next.updatedAt()));
      }
      return next;
    });
  }

  @Override
  public int deleteFinishedBefore(TenantId tenant, java.time.Instant cutoff, int limit) {
    if (limit < 1 || limit > 100_000) {
      throw ValidationException.of("limit", "must be between 1 and 100000");
    }
    Objects.requireNonNull(cutoff, "cutoff");
    return sessions.call(tenant, s -> jobs(s).deleteFinishedBefore(tenant, cutoff, limit));
  }

  private void makeClaimable(TenantId tenant, MarketplaceJob job) {
    sessions.callShared(s -> dispatch(s).waiting(tenant.value(), job.id().value(), job.marketplace().name(),
        job.priority(), job.runAfter(), job.expiresAt()));
  }

  private static JobMapper jobs(SqlSession session) {
    return session.getMapper(JobMapper.class);
  }

  private static JobDispatchMapper dispatch(SqlSession session) {
    return Objects.requireNonNull(session.getMapper(JobDispatchMapper.class));
  }
}
