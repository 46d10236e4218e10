package io.crosslist.adapter.persistence;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_jobs}; the SQL is in JobMapper.xml. */
interface JobMapper {

  /** The new job's id, or null when its idempotency key is taken. */
  Long insert(@Param("tenant") TenantId tenant, @Param("row") JobRow row);

  Optional<JobRow> findById(@Param("tenant") TenantId tenant, @Param("id") long id);

  /** Starts the PENDING jobs among {@code ids} (see the mapper XML); returns the started ones. */
  List<JobRow> startClaimed(@Param("tenant") TenantId tenant, @Param("ids") Long[] ids,
      @Param("now") java.time.Instant now);

  /** Reads the job and locks its row until the transaction ends. */
  Optional<JobRow> findForUpdate(@Param("tenant") TenantId tenant, @Param("id") long id);

  Optional<JobRow> findByIdempotencyKey(@Param("tenant") TenantId tenant, @Param("key") String key);

  List<JobRow> search(@Param("tenant") TenantId tenant, @Param("status") String status,
      @Param("marketplace") String marketplace, @Param("action") String action, @Param("batchId") Long batchId,
      @Param("beforeId") Long beforeId, @Param("fetch") int fetch);

  /**
   * Completes a RUNNING job with {@code row} (COMPLETED, same attempts), moves its batch count and adds it
   * to the day's statistics, in one statement; returns 1, or 0 when the job moved on.
   */
  int completeRunning(@Param("tenant") TenantId tenant, @Param("row") JobRow row, @Param("day") java.time.LocalDate day,
      @Param("durationMillis") long durationMillis);

  /** Deletes up to {@code limit} jobs that ended before {@code cutoff} (their tasks cascade). */
  int deleteFinishedBefore(@Param("tenant") TenantId tenant, @Param("cutoff") java.time.Instant cutoff,
      @Param("limit") int limit);

  /** Writes {@code row} if the stored job still has the expected status and attempts; returns rows changed. */
  int transition(@Param("tenant") TenantId tenant, @Param("row") JobRow row,
      @Param("expectedStatus") String expectedStatus, @Param("expectedAttempts") int expectedAttempts);
}
