package io.crosslist.adapter.persistence;

import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.BatchNotFoundException;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** {@link BatchRepository} on {@code ${tenant}.marketplace_batches}. */
@Singleton
final class MyBatisBatchRepository implements BatchRepository {
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
}
