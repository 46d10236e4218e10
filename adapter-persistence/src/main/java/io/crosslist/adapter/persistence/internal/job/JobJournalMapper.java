package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_error_log} and {@code ${tenant}.job_statistics}. */
public interface JobJournalMapper {

  int insertError(@Param("tenant") TenantId tenant, @Param("row") ErrorLogRow row);

  List<ErrorLogRow> errors(@Param("tenant") TenantId tenant, @Param("from") Instant from, @Param("to") Instant to,
      @Param("marketplace") String marketplace, @Param("beforeId") Long beforeId, @Param("limit") int limit);

  int addFinished(@Param("tenant") TenantId tenant, @Param("day") LocalDate day, @Param("marketplace") String marketplace,
      @Param("action") String action, @Param("succeeded") int succeeded, @Param("failed") int failed,
      @Param("durationMillis") long durationMillis);

  List<StatisticsRow> statistics(@Param("tenant") TenantId tenant, @Param("from") LocalDate from,
      @Param("to") LocalDate to);
}
