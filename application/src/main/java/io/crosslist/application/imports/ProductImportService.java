package io.crosslist.application.imports;

import io.crosslist.application.imports.port.in.GetProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase;
import io.crosslist.application.imports.woocommerce.CsvReader;
import io.crosslist.application.imports.woocommerce.ReferenceMapping;
import io.crosslist.application.imports.woocommerce.WooCommerceImportHandler;
import io.crosslist.application.imports.woocommerce.WooHeader;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.Violations;
import io.crosslist.domain.imports.ImportCounts;
import io.crosslist.domain.imports.ImportId;
import io.crosslist.domain.imports.ImportNotFoundException;
import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.ReferenceCatalog;
import io.crosslist.domain.tenant.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Stores uploaded WooCommerce exports, enqueues their imports, and reports on them. */
public final class ProductImportService implements StartProductImportUseCase, GetProductImportUseCase {
  /** The default largest file: 512 MiB (a 100,000-row export is about 50 to 150 MB). */
  public static final long DEFAULT_MAX_FILE_BYTES = 512L * 1024 * 1024;
  static final int CHUNK_BYTES = 256 * 1024;
  private final ProductImportRepository imports;
  private final ReferenceCatalog references;
  private final EnqueueJobUseCase enqueue;
  private final MarketplaceJobRepository jobs;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final long maxFileBytes;

  public ProductImportService(ProductImportRepository imports, ReferenceCatalog references, EnqueueJobUseCase enqueue,
      MarketplaceJobRepository jobs, UnitOfWork unitOfWork, Clock clock, long maxFileBytes) {
    this.imports = Objects.requireNonNull(imports, "imports");
    this.references = Objects.requireNonNull(references, "references");
    this.enqueue = Objects.requireNonNull(enqueue, "enqueue");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public ProductImport start(StartImportCommand command) {
    TenantId tenant = command.tenant();
    Violations v = new Violations();
    v.nested("currency", () -> new Money(java.math.BigDecimal.ZERO, command.currency()));
    v.require(command.fileName().length() <= 255 && command.fileName().indexOf('\0') < 0, "fileName",
        "must be at most 255 characters, without NUL");
    v.throwIfAny();
    try {
      ReferenceMapping.parse(command.mapping(), references.references(tenant)); // refused before anything is kept
    } catch (ValidationException e) {
      throw e.violations().get(0).field().startsWith("mapping") ? e : e.nestedUnder("mapping");
    }
    Instant now = clock.instant();
    ProductImport created = imports.create(tenant, new ProductImport(null, WooCommerceImportHandler.FORMAT,
        command.fileName(), 0, 0, command.currency(), command.mapping(), null, ImportCounts.NONE, now, now));
    try {
      ChunkedUpload upload = new ChunkedUpload(command.content(), imports, tenant, created.id(), CHUNK_BYTES,
          maxFileBytes);
      int records = 0;
      CsvReader reader = new CsvReader(upload); // not closed: the caller closes the request's stream
      CsvReader.Record header = reader.next();
      if (header == null) {
        throw ValidationException.of("file", "is empty: a WooCommerce export starts with its header row");
      }
      WooHeader.of(header.fields());
      while (reader.next() != null) {
        records++;
      }
      long bytes = upload.finish();
      int rows = records;
      return unitOfWork.inTransaction(tenant, () -> {
        MarketplaceJob job = enqueue.enqueue(tenant, JobRequest.of(WooCommerceImportHandler.MARKETPLACE,
            WooCommerceImportHandler.ACTION, null).withIdempotencyKey("woocommerce-import-" + created.id()));
        imports.completeUpload(tenant, created.id(), bytes, rows, job.id(), clock.instant());
        return imports.find(tenant, created.id()).orElseThrow();
      });
    } catch (IOException e) {
      discard(tenant, created.id());
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      discard(tenant, created.id());
      throw e;
    }
  }

  private void discard(TenantId tenant, ImportId id) {
    try {
      imports.delete(tenant, id);
    } catch (RuntimeException e) {
      // the upload already failed; an orphan without a job is never run and is removed with the tenant
    }
  }

  @Override
  public ImportReport get(TenantId tenant, ImportId id, int issueOffset, int issueLimit) {
    checkPage(issueOffset, issueLimit);
    ProductImport found = imports.find(tenant, id).orElseThrow(() -> new ImportNotFoundException("import " + id));
    return report(tenant, found, issueOffset, issueLimit);
  }

  @Override
  public ImportReport getByJob(TenantId tenant, JobId job, int issueOffset, int issueLimit) {
    checkPage(issueOffset, issueLimit);
    ProductImport found = imports.findByJob(tenant, job).orElseThrow(() -> new ImportNotFoundException(
        "an import run by job " + job));
    return report(tenant, found, issueOffset, issueLimit);
  }

  private ImportReport report(TenantId tenant, ProductImport found, int offset, int limit) {
    MarketplaceJob job = found.job() == null ? null : jobs.findById(tenant, found.job()).orElse(null);
    return new ImportReport(found, job, imports.issues(tenant, found.id(), offset, limit));
  }

  private static void checkPage(int offset, int limit) {
    new Violations()
        .require(offset >= 0, "offset", "must be zero or more")
        .require(limit >= 1 && limit <= MAX_ISSUES, "limit", "must be between 1 and " + MAX_ISSUES)
        .throwIfAny();
  }
}
