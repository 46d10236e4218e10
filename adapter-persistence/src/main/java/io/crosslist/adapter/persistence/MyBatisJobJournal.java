package io.crosslist.adapter.persistence;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** {@link JobJournal} on the tenant's {@code marketplace_error_log} and {@code job_statistics}. */
@Singleton
final class MyBatisJobJournal implements JobJournal {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisJobJournal(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public void recordError(TenantId tenant, MarketplaceError error) {
    ErrorLogRow row = ErrorLogRow.of(Objects.requireNonNull(error, "error"));
    sessions.call(tenant, s -> s.getMapper(JobJournalMapper.class).insertError(tenant, row));
  }

  @Override
  public void recordFinished(TenantId tenant, LocalDate day, Marketplace marketplace, JobAction action,
      boolean succeeded, long durationMillis) {
    sessions.call(tenant, s -> s.getMapper(JobJournalMapper.class).addFinished(tenant, day, marketplace.name(),
        action.name(), succeeded ? 1 : 0, succeeded ? 0 : 1, Math.max(0, durationMillis)));
  }

  @Override
  public List<MarketplaceError> recentErrors(TenantId tenant, int limit) {
    if (limit < 1 || limit > 500) {
      throw ValidationException.of("limit", "must be between 1 and 500");
    }
    return sessions.call(tenant, s -> s.getMapper(JobJournalMapper.class).recentErrors(tenant, limit)).stream()
        .map(ErrorLogRow::toError).toList();
  }

  @Override
  public List<JobStatistics> statistics(TenantId tenant, LocalDate day) {
    return sessions.call(tenant, s -> s.getMapper(JobJournalMapper.class).statistics(tenant, day)).stream()
        .map(StatisticsRow::toStatistics).toList();
  }
}
