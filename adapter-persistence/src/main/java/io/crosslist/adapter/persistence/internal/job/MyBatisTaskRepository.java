package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceTask;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;

/** {@link MarketplaceTaskRepository} on {@code ${tenant}.marketplace_tasks}. */
@Singleton
public final class MyBatisTaskRepository implements MarketplaceTaskRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisTaskRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public List<MarketplaceTask> steps(TenantId tenant, JobId job) {
    return sessions.call(tenant, s -> s.getMapper(TaskMapper.class).steps(tenant, job.value())).stream()
        .map(TaskRow::toTask).toList();
  }

  @Override
  public void save(TenantId tenant, MarketplaceTask task) {
    TaskRow row = TaskRow.of(Objects.requireNonNull(task, "task"));
    sessions.call(tenant, s -> s.getMapper(TaskMapper.class).save(tenant, row));
  }
}
