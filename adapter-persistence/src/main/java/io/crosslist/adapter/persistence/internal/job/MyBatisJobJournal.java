package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.Violations;
import io.crosslist.domain.job.ErrorLogEntry;
import io.crosslist.domain.job.ErrorLogSearch;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** {@link JobJournal} on the tenant's {@code marketplace_error_log} and {@code job_statistics}. */
@Singleton
public final class MyBatisJobJournal implements JobJournal {
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
  public Page<ErrorLogEntry> errors(TenantId tenant, ErrorLogSearch search) {
    Objects.requireNonNull(search, "search");
    // one row more than asked says whether a next page exists
    List<ErrorLogRow> rows = sessions.call(tenant, s -> s.getMapper(JobJournalMapper.class).errors(tenant,
        search.from(), search.to(), search.marketplace() == null ? null : search.marketplace().name(),
        search.after() == null ? null : search.after().lastId(), search.limit() + 1));
    List<ErrorLogEntry> entries = rows.stream().limit(search.limit())
        .map(r -> new ErrorLogEntry(r.id, r.toError())).toList();
    return new Page<>(entries, rows.size() > search.limit()
        ? PageCursor.after(entries.get(entries.size() - 1).id()) : null);
  }

  @Override
  public List<JobStatistics> statistics(TenantId tenant, LocalDate from, LocalDate to) {
    new Violations()
        .require(from != null, "from", "is required")
        .require(to != null, "to", "is required")
        .throwIfAny();
    new Violations()
        .require(!from.isAfter(to), "from", "must not be after to")
        .require(ChronoUnit.DAYS.between(from, to) < MAX_STATISTICS_DAYS, "to",
            "must be less than " + MAX_STATISTICS_DAYS + " days after from")
        .throwIfAny();
    return sessions.call(tenant, s -> s.getMapper(JobJournalMapper.class).statistics(tenant, from, to)).stream()
        .map(StatisticsRow::toStatistics).toList();
  }
}
