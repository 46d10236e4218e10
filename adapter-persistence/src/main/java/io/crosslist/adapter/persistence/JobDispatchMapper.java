package io.crosslist.adapter.persistence;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Statements on the shared dispatch index {@code crosslist.job_dispatch}; the SQL is in JobDispatchMapper.xml. */
interface JobDispatchMapper {

  /** Makes a job claimable (again): inserts its entry or resets it to waiting, without a lease. */
  int waiting(@Param("tenantId") long tenantId, @Param("jobId") long jobId, @Param("marketplace") String marketplace,
      @Param("priority") int priority, @Param("runAfter") Instant runAfter, @Param("expiresAt") Instant expiresAt);

  /** Removes a job that ended. */
  int remove(@Param("tenantId") long tenantId, @Param("jobId") long jobId);
}
