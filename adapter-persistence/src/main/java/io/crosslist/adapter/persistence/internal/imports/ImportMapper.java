package io.crosslist.adapter.persistence.internal.imports;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on a tenant's product imports and the shared reference data; the SQL is in ImportMapper.xml. */
public interface ImportMapper {

  Long insert(@Param("tenant") TenantId tenant, @Param("row") ImportRow row);

  int appendChunk(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("seq") int seq,
      @Param("data") byte[] data);

  Optional<ChunkRow> chunk(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("seq") int seq);

  /** A chunk of a stored file (a {@code byte[]} result would read as many rows). */
  final class ChunkRow {
    public byte[] data;
  }

  int completeUpload(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("fileBytes") long fileBytes,
      @Param("rowsTotal") int rowsTotal, @Param("jobId") long jobId, @Param("at") Instant at);

  int delete(@Param("tenant") TenantId tenant, @Param("id") long id);

  Optional<ImportRow> find(@Param("tenant") TenantId tenant, @Param("id") long id);

  Optional<ImportRow> findByJob(@Param("tenant") TenantId tenant, @Param("jobId") long jobId);

  int checkpoint(@Param("tenant") TenantId tenant, @Param("row") ImportRow row);

  int insertIssues(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("issues") List<IssueRow> issues);

  List<IssueRow> issues(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("offset") int offset,
      @Param("limit") int limit);

  int saveParent(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("row") ParentRecord row);

  Optional<ParentRecord> parentBySource(@Param("tenant") TenantId tenant, @Param("id") long id,
      @Param("sourceId") String sourceId);

  Optional<ParentRecord> parentBySku(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("sku") String sku);

  List<ReferenceRow> references(@Param("tenant") TenantId tenant);

  /** A row of {@code ${tenant}.product_imports}. */
  final class ImportRow {
    public Long id;
    public String format;
    public String fileName;
    public long fileBytes;
    public int rowsTotal;
    public String currency;
    public String mapping;
    public Long jobId;
    public int rowsDone;
    public int created;
    public int updated;
    public int unchanged;
    public int skipped;
    public int failed;
    public int issues;
    public Instant createdAt;
    public Instant updatedAt;
  }

  /** A row of {@code ${tenant}.product_import_issues}. */
  final class IssueRow {
    public int position;
    public int rowNumber;
    public String columnName;
    public String value;
    public String rule;
    public boolean rowFailed;
  }

  /** A row of {@code ${tenant}.product_import_parents}. */
  final class ParentRecord {
    public int rowNumber;
    public String sourceId;
    public String sku;
    public List<String> fields;
  }

  /** A code of a shared reference table. */
  final class ReferenceRow {
    public String field;
    public String code;
    public String name;
  }
}
