package io.crosslist.domain.imports;

import io.crosslist.domain.job.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A file of products a tenant uploaded to import, the job that imports it and the committed counts.
 *
 * @param id null until stored
 * @param format the file's format ({@code WOOCOMMERCE})
 * @param fileName the name the file was uploaded with (may be empty)
 * @param fileBytes the stored file's size
 * @param rowsTotal data rows in the file (records after the header), counted while it was stored
 * @param currency the currency of the file's prices (ISO 4217)
 * @param mapping the operator's reference mapping, as given (empty when none)
 * @param job the job importing it; null while the file is being stored
 * @param counts how far the import is (the checkpoint)
 */
public record ProductImport(ImportId id, String format, String fileName, long fileBytes, int rowsTotal,
    String currency, String mapping, JobId job, ImportCounts counts, Instant createdAt, Instant updatedAt) {

  public ProductImport {
    Objects.requireNonNull(format, "format");
    fileName = fileName == null ? "" : fileName;
    Objects.requireNonNull(currency, "currency");
    mapping = mapping == null ? "" : mapping;
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Whether the whole file is stored and a job imports it. */
  public boolean uploaded() {
    return job != null;
  }
}
