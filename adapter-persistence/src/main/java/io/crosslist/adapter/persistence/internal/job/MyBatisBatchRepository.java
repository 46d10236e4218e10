package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.BatchNotFoundException;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.StandaloneJob;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link BatchRepository} on {@code ${tenant}.marketplace_batches}. */
@Singleton
public final class MyBatisBatchRepository implements BatchRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisBatchRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public BatchJob create(TenantId tenant, String description, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    long id = sessions.call(tenant, s -> s.getMapper(BatchMapper.class).insert(tenant, description, at));
    return findById(tenant, BatchId.of(id)).orElseThrow(() -> new BatchNotFoundException(BatchId.of(id)));
  }

  @Override
  public Optional<BatchJob> findById(TenantId tenant, BatchId id) {
    return sessions.call(tenant, s -> s.getMapper(BatchMapper.class).findById(tenant, id.value())).map(BatchRow::toBatch);
  }

  /**
   * Locks the job rows first, then their dispatch entries (the lock order of every job statement), and leaves out
   * the jobs whose entries a worker holds: they are running (or being expired) and the worker that holds them
   * would finish them as it read them, outside any batch.
   */
  @Override
  public List<StandaloneJob> lockStandaloneJobs(TenantId tenant) {
    if (!sessions.inTransaction()) {
      throw new IllegalStateException("lockStandaloneJobs holds jobs until a unit of work ends; call it in one");
    }
    List<StandaloneJobRow> rows = sessions.call(tenant, s -> s.getMapper(BatchMapper.class).lockStandalone(tenant));
    Long[] waiting = rows.stream().filter(r -> r.status.equals("PENDING") || r.status.equals("RUNNING"))
        .map(r -> r.id).toArray(Long[]::new);
    Set<Long> held = waiting.length == 0 ? Set.of() : new HashSet<>(sessions.callShared(s ->
        s.getMapper(JobDispatchMapper.class).lockEntriesReturningHeld(tenant.value(), waiting)));
    return rows.stream().filter(r -> !held.contains(r.id) && !r.status.equals("RUNNING")).map(StandaloneJobRow::toJob)
        .toList();
  }

  @Override
  public BatchJob createFromJobs(TenantId tenant, String description, List<JobId> jobs, BatchCounts counts,
      Instant createdAt, Instant now) {
    Objects.requireNonNull(counts, "counts");
    if (counts.running() != 0 || counts.total() != jobs.size()) {
      throw new IllegalArgumentException("counts " + counts + " do not count the " + jobs.size() + " jobs given");
    }
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    Instant created = createdAt.truncatedTo(ChronoUnit.MICROS);
    long id = sessions.call(tenant, s -> s.getMapper(BatchMapper.class).insertWithCounts(tenant, description,
        counts.pending(), counts.completed(), counts.failed(), counts.cancelled(), counts.expired(), created, at));
    Long[] ids = jobs.stream().map(JobId::value).toArray(Long[]::new);
    int moved = sessions.call(tenant, s -> s.getMapper(BatchMapper.class).assign(tenant, id, ids, at));
    if (moved != ids.length) {
      throw new IllegalStateException("only " + moved + " of " + ids.length + " jobs were still standalone for batch "
          + id);
    }
    return findById(tenant, BatchId.of(id)).orElseThrow(() -> new BatchNotFoundException(BatchId.of(id)));
  }
}
