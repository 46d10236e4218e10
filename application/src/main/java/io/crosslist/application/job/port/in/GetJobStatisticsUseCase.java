package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;

/** In-port: how the tenant's jobs went per day, marketplace and action, over a range of days. */
public interface GetJobStatisticsUseCase {

  /**
   * @param from first day (UTC), included
   * @param to last day (UTC), included; at most a year after {@code from}
   * @throws io.crosslist.domain.ValidationException when the range is reversed or too long
   */
  List<JobStatistics> statistics(TenantId tenant, LocalDate from, LocalDate to);
}
