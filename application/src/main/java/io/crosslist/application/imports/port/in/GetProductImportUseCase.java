package io.crosslist.application.imports.port.in;

import io.crosslist.domain.imports.ImportId;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/** In-port: an import's report: its counts, its job (status, progress) and a page of its per-row issues. */
public interface GetProductImportUseCase {
  int MAX_ISSUES = 1_000;

  /**
   * @throws io.crosslist.domain.imports.ImportNotFoundException when the tenant has no such import
   * @throws io.crosslist.domain.ValidationException when offset is negative or limit is not 1 to {@value #MAX_ISSUES}
   */
  ImportReport get(TenantId tenant, ImportId id, int issueOffset, int issueLimit);

  /** The report of the import that job {@code job} runs. */
  ImportReport getByJob(TenantId tenant, JobId job, int issueOffset, int issueLimit);

  /**
   * @param productImport the import and its committed counts
   * @param job its job as it is now (null while the file is being stored)
   * @param issues the requested page of issues, in row order
   */
  record ImportReport(ProductImport productImport, MarketplaceJob job, List<ImportIssue> issues) {}
}
