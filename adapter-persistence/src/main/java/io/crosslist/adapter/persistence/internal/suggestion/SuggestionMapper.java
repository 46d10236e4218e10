package io.crosslist.adapter.persistence.internal.suggestion;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.listing_suggestions} and {@code ${tenant}.suggestion_runs}. */
public interface SuggestionMapper {

  Long insert(@Param("tenant") TenantId tenant, @Param("row") SuggestionRow row);

  Optional<SuggestionRow> find(@Param("tenant") TenantId tenant, @Param("productId") long productId,
      @Param("id") long id);

  List<SuggestionRow> listFor(@Param("tenant") TenantId tenant, @Param("productId") long productId,
      @Param("status") String status);

  /** 1 when the suggestion was SUGGESTED and now has {@code status}, else 0. */
  int decide(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("status") String status,
      @Param("decidedAt") Instant decidedAt);

  List<Long> suggestedBy(@Param("tenant") TenantId tenant, @Param("jobId") long jobId);

  int insertRun(@Param("tenant") TenantId tenant, @Param("jobId") long jobId, @Param("productIds") String productIds,
      @Param("fields") List<String> fields, @Param("createdAt") Instant createdAt);

  Optional<RunRow> findRun(@Param("tenant") TenantId tenant, @Param("jobId") long jobId);

  /** A row of {@code suggestion_runs}: the product ids as comma-separated text. */
  final class RunRow {
    public long jobId;
    public String productIds;
    public List<String> fields;
  }
}
