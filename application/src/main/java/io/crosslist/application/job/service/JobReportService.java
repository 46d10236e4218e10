package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.GetJobStatisticsUseCase;
import io.crosslist.application.job.port.in.SearchErrorLogUseCase;
import io.crosslist.domain.Page;
import io.crosslist.domain.job.ErrorLogEntry;
import io.crosslist.domain.job.ErrorLogSearch;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;
import io.crosslist.domain.StorableTime;
import io.crosslist.domain.Violations;
import java.util.Objects;

/** Reads the job journal for users: the marketplace error log and the daily job statistics. */
public final class JobReportService implements SearchErrorLogUseCase, GetJobStatisticsUseCase {
  private final JobJournal journal;

  public JobReportService(JobJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  @Override
  public Page<ErrorLogEntry> search(TenantId tenant, ErrorLogSearch search) {
    return journal.errors(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(search, "search"));
  }

  @Override
  public List<JobStatistics> statistics(TenantId tenant, LocalDate from, LocalDate to) {
    Objects.requireNonNull(tenant, "tenant");
    Violations v = new Violations();
    v.require(from != null, "from", "is required");
    v.require(to != null, "to", "is required");
    StorableTime.check(v, "from", from);
    StorableTime.check(v, "to", to);
    v.require(from == null || to == null || !from.isAfter(to), "from", "must not be after to");
    v.throwIfAny();
    return journal.statistics(tenant, from, to);
  }
}
