package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_batches}; the SQL is in BatchMapper.xml. */
public interface BatchMapper {

  long insert(@Param("tenant") TenantId tenant, @Param("description") String description, @Param("at") Instant at);

  Optional<BatchRow> findById(@Param("tenant") TenantId tenant, @Param("id") long id);

  /** Inserts a batch of existing jobs with its counts; returns its id. */
  long insertWithCounts(@Param("tenant") TenantId tenant, @Param("description") String description,
      @Param("pending") int pending, @Param("completed") int completed, @Param("failed") int failed,
      @Param("cancelled") int cancelled, @Param("expired") int expired, @Param("createdAt") Instant createdAt,
      @Param("at") Instant at);

  /** Locks the tenant's jobs in no batch, in id order, and returns them. */
  List<StandaloneJobRow> lockStandalone(@Param("tenant") TenantId tenant);

  /** Moves standalone jobs into batch {@code id}; returns how many moved. */
  int assign(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("jobIds") Long[] jobIds,
      @Param("at") Instant at);

  /** Moves one job of the batch from status {@code from} (null for a new job) to status {@code to}. */
  int move(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("from") String from,
      @Param("to") String to, @Param("at") Instant at);
}
