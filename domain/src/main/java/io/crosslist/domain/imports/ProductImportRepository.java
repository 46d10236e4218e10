package io.crosslist.domain.imports;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.tenant.TenantId;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: a tenant's product imports, their stored files (in bounded chunks, so a file of any size is written
 * and read in constant memory, by any process on the database), their checkpoints and issues, and the parent
 * rows an import keeps for the rows that refer to them.
 */
public interface ProductImportRepository {

  /** Stores a new import (no file yet, no job); returns it with its id. */
  ProductImport create(TenantId tenant, ProductImport newImport);

  /** Appends chunk {@code sequence} (0, 1, 2, ...) of the import's file. */
  void appendChunk(TenantId tenant, ImportId id, int sequence, byte[] data, int length);

  /** Marks the file complete: its size, its data rows and the job that imports it. */
  void completeUpload(TenantId tenant, ImportId id, long fileBytes, int rowsTotal, JobId job, Instant at);

  /** Removes an import, its file, issues and parents (an upload that failed half-way). */
  void delete(TenantId tenant, ImportId id);

  Optional<ProductImport> find(TenantId tenant, ImportId id);

  Optional<ProductImport> findByJob(TenantId tenant, JobId job);

  /** The stored file, read chunk by chunk as it is consumed; the caller closes it. */
  InputStream openFile(TenantId tenant, ImportId id);

  /**
   * Records {@code issues} and moves the checkpoint to {@code counts}; called in the transaction that writes
   * the products of those rows, so the checkpoint never runs ahead of, or behind, what is stored.
   */
  void checkpoint(TenantId tenant, ImportId id, ImportCounts counts, List<ImportIssue> issues, Instant at);

  /** Issues in row order, from the {@code offset}-th, at most {@code limit}. */
  List<ImportIssue> issues(TenantId tenant, ImportId id, int offset, int limit);

  /** Keeps a parent row (a variable product) for the rows after it that name it, by WooCommerce id and SKU. */
  void saveParent(TenantId tenant, ImportId id, ParentRow parent);

  /** The parent row named {@code id:123} (by WooCommerce id) or by SKU, kept earlier by this import. */
  Optional<ParentRow> findParent(TenantId tenant, ImportId id, String reference);

  /**
   * A row kept because later rows refer to it.
   *
   * @param row its data row number
   * @param sourceId its id in the source store ({@code 123}; empty when none)
   * @param sku its SKU (empty when none)
   * @param fields its fields, in the file's column order
   */
  record ParentRow(int row, String sourceId, String sku, List<String> fields) {
    public ParentRow {
      sourceId = sourceId == null ? "" : sourceId;
      sku = sku == null ? "" : sku;
      fields = List.copyOf(fields);
    }
  }
}
