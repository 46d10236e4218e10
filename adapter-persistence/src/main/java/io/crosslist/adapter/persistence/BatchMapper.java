package io.crosslist.adapter.persistence;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_batches}; the SQL is in BatchMapper.xml. */
interface BatchMapper {

  long insert(@Param("tenant") TenantId tenant, @Param("description") String description, @Param("at") Instant at);

  Optional<BatchRow> findById(@Param("tenant") TenantId tenant, @Param("id") long id);

  /** Moves one job of the batch from status {@code from} (null for a new job) to status {@code to}. */
  int move(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("from") String from,
      @Param("to") String to, @Param("at") Instant at);
}
