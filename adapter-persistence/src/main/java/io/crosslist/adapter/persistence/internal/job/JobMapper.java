package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_jobs}; the SQL is in JobMapper.xml. */
public interface JobMapper {

  /** The new job's id, or null when its idempotency key is taken. */
  Long insert(@Param("tenant") TenantId tenant, @Param("row") JobRow row);

  Optional<JobRow> findById(@Param("tenant") TenantId tenant, @Param("id") long id);

  /** The PENDING jobs among {@code ids}, started at {@code startedAt} (same index; see the mapper XML). */
  List<JobRow> startClaimed(@Param("tenant") TenantId tenant, @Param("ids") Long[] ids,
      @Param("startedAt") String[] startedAt);

  /** Reads the job and locks its row until the transaction ends. */
  Optional<JobRow> findForUpdate(@Param("tenant") TenantId tenant, @Param("id") long id);

  /**
   * Locks up to {@code limit} of the batch's jobs whose rows are PENDING with ids above {@code afterId}, in id
   * order, skipping rows another transaction holds; returns their ids.
   */
  List<Long> lockUnfinishedInBatch(@Param("tenant") TenantId tenant, @Param("batchId") long batchId,
      @Param("afterId") long afterId, @Param("limit") int limit);

  /** The jobs among {@code ids}, in id order. */
  List<JobRow> findByIds(@Param("tenant") TenantId tenant, @Param("ids") Long[] ids);

  /** The tenant's dispatch entries leased for an attempt of a job that ended or is gone. */
  List<DispatchEntry> endedLeases(@Param("tenant") TenantId tenant);

  Optional<JobRow> findByIdempotencyKey(@Param("tenant") TenantId tenant, @Param("key") String key);

  List<JobRow> search(@Param("tenant") TenantId tenant, @Param("status") String status,
      @Param("marketplace") String marketplace, @Param("action") String action, @Param("batchId") Long batchId,
      @Param("beforeId") Long beforeId, @Param("fetch") int fetch);

  /**
   * Completes the RUNNING jobs among {@code ids} (each with its attempts, progress, result, finish time and
   * handler time at the same index), moves their batch counts and adds them to the statistics, in one
   * statement; returns the ids completed (a job that moved on is left out).
   */
  List<Long> completeRunning(@Param("tenant") TenantId tenant, @Param("ids") Long[] ids,
      @Param("attempts") Integer[] attempts, @Param("progressDone") Integer[] progressDone,
      @Param("progressTotal") Integer[] progressTotal, @Param("progressMessages") String[] progressMessages,
      @Param("results") String[] results, @Param("startedAt") String[] startedAt,
      @Param("finishedAt") String[] finishedAt,
      @Param("durationsMillis") Long[] durationsMillis);

  /** Deletes up to {@code limit} jobs that ended before {@code cutoff} (their tasks cascade). */
  int deleteFinishedBefore(@Param("tenant") TenantId tenant, @Param("cutoff") java.time.Instant cutoff,
      @Param("limit") int limit);

  /**
   * Writes {@code row} (the stored form of a job whose status becomes {@code nextStatus}) if the job still has
   * the expected status and attempts, as the domain sees them; returns rows changed.
   */
  int transition(@Param("tenant") TenantId tenant, @Param("row") JobRow row, @Param("nextStatus") String nextStatus,
      @Param("expectedStatus") String expectedStatus, @Param("expectedAttempts") int expectedAttempts);
}
