package io.crosslist.application.imports.woocommerce;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.imports.ImportCounts;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.imports.ProductImportRepository.ParentRow;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ReferenceCatalog;
import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code WOOCOMMERCE IMPORT_PRODUCTS}: imports the WooCommerce export stored for the job's import, streaming it
 * from the database a batch of rows at a time. Each batch (its products, its issues and the checkpoint, the rows
 * done and the counts) is one transaction, so an attempt that dies resumes after the last committed batch, and a
 * product is found by its SKU before it is written, so a re-run of the same file updates and never duplicates.
 */
public final class WooCommerceImportHandler implements JobHandler {
  public static final String FORMAT = "WOOCOMMERCE";
  public static final Marketplace MARKETPLACE = Marketplace.of("WOOCOMMERCE");
  public static final JobAction ACTION = JobAction.IMPORT_PRODUCTS;
  private static final int PARENTS_CACHED = 512;
  private final ProductImportRepository imports;
  private final ReferenceCatalog references;
  private final ProductRepository products;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final int batchRows;

  public WooCommerceImportHandler(ProductImportRepository imports, ReferenceCatalog references,
      ProductRepository products, UnitOfWork unitOfWork, Clock clock, int batchRows) {
    this.imports = Objects.requireNonNull(imports, "imports");
    this.references = Objects.requireNonNull(references, "references");
    this.products = Objects.requireNonNull(products, "products");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (batchRows < 1 || batchRows > 10_000) {
      throw new IllegalArgumentException("batchRows must be 1 to 10000");
    }
    this.batchRows = batchRows;
  }

  @Override
  public Marketplace marketplace() {
    return MARKETPLACE;
  }

  @Override
  public JobAction action() {
    return ACTION;
  }

  @Override
  public boolean needsProduct() {
    return false;
  }

  @Override
  public JobOutcome handle(JobContext context) {
    TenantId tenant = context.tenant();
    Optional<ProductImport> found = imports.findByJob(tenant, context.job().id());
    if (found.isEmpty()) {
      return JobOutcome.permanentFailure("job " + context.job().id() + " imports no stored file");
    }
    ProductImport source = found.get();
    ReferenceMapping mapping;
    try {
      mapping = ReferenceMapping.parse(source.mapping(), references.references(tenant));
    } catch (ValidationException e) {
      return JobOutcome.permanentFailure("the mapping no longer fits the reference data: " + e.getMessage());
    }
    ImportCounts counts = source.counts();
    long started = System.nanoTime();
    int resumedAt = counts.rowsDone();
    try (InputStream in = imports.openFile(tenant, source.id()); CsvReader reader = new CsvReader(in)) {
      CsvReader.Record headerRecord = reader.next();
      WooHeader header;
      try {
        header = WooHeader.of(headerRecord == null ? List.of() : headerRecord.fields());
      } catch (ValidationException e) {
        return JobOutcome.permanentFailure(e.getMessage());
      }
      WooRowMapper mapper = new WooRowMapper(header, mapping, source.currency(), LocalDate.ofInstant(clock.instant(),
          ZoneOffset.UTC));
      int row = 0;
      while (row < resumedAt && reader.next() != null) {
        row++;
      }
      Map<String, ParentRow> parents = lru();
      List<CsvReader.Record> batch = new ArrayList<>(batchRows);
      while (true) {
        if (context.cancellation().isCancelled()) {
          return JobOutcome.cancelled();
        }
        batch.clear();
        for (CsvReader.Record r = null; batch.size() < batchRows && (r = reader.next()) != null; ) {
          batch.add(r);
        }
        if (batch.isEmpty()) {
          break;
        }
        int first = row + 1;
        ImportCounts before = counts;
        counts = unitOfWork.inTransaction(tenant, () -> importBatch(tenant, source, mapper, first, batch, parents,
            before));
        row += batch.size();
        context.progress().report(progress(row, source.rowsTotal(), row - resumedAt, started, counts));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JobOutcome.success(result(source, counts));
  }

  private ImportCounts importBatch(TenantId tenant, ProductImport source, WooRowMapper mapper, int first,
      List<CsvReader.Record> batch, Map<String, ParentRow> parents, ImportCounts before) {
    Instant now = clock.instant();
    List<RowResult> results = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      RowResult result = mapper.map(first + i, batch.get(i), reference -> parent(tenant, source, parents, reference));
      if (result.kind() == RowResult.Kind.PARENT) {
        ParentRow parent = result.parent();
        imports.saveParent(tenant, source.id(), parent);
        if (!parent.sourceId().isEmpty()) {
          parents.put("id:" + parent.sourceId(), parent);
        }
        if (!parent.sku().isEmpty()) {
          parents.put(parent.sku(), parent);
        }
      }
      results.add(result);
    }
    Map<String, Product> existing = new java.util.HashMap<>(products.findBySkus(tenant, results.stream()
        .filter(r -> r.kind() == RowResult.Kind.PRODUCT).map(RowResult::sku).distinct().toList()));
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int failed = 0;
    List<ImportIssue> issues = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      RowResult result = results.get(i);
      issues.addAll(result.issues());
      switch (result.kind()) {
        case PARENT, SKIPPED -> skipped++;
        case FAILED -> failed++;
        case PRODUCT -> {
          Product current = existing.get(result.sku());
          try {
            if (current == null) {
              existing.put(result.sku(), products.add(tenant, Product.newDraft(result.details(), result.sku(), now)));
              created++;
            } else if (current.details().equals(result.details())) {
              unchanged++;
            } else if (!current.status().isEditable()) {
              issues.add(new ImportIssue(first + i, WooHeader.SKU, result.sku(), "names a product that is "
                  + current.status() + ", which cannot be changed", true));
              failed++;
            } else {
              existing.put(result.sku(), products.update(tenant, current.withDetails(result.details(), now)));
              updated++;
            }
          } catch (UnknownReferenceException e) {
            issues.add(new ImportIssue(first + i, e.field(), "", e.getMessage(), true));
            failed++;
          }
        }
        default -> throw new IllegalStateException("unknown row kind " + result.kind());
      }
    }
    ImportCounts after = before.plus(new ImportCounts(batch.size(), created, updated, unchanged, skipped, failed,
        issues.size()));
    imports.checkpoint(tenant, source.id(), after, issues, now);
    return after;
  }

  private Optional<ParentRow> parent(TenantId tenant, ProductImport source, Map<String, ParentRow> parents,
      String reference) {
    ParentRow cached = parents.get(reference);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ParentRow> stored = imports.findParent(tenant, source.id(), reference);
    stored.ifPresent(p -> parents.put(reference, p));
    return stored;
  }

  private static Map<String, ParentRow> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ParentRow> eldest) {
        return size() > PARENTS_CACHED;
      }
    };
  }

  private static JobProgress progress(int row, int total, int doneThisRun, long startedNanos, ImportCounts c) {
    double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
    String message = String.format(Locale.ROOT, "%d of %d rows, %.0f rows/s; %d created, %d updated, %d unchanged,"
        + " %d skipped, %d failed", row, Math.max(total, row), doneThisRun / seconds, c.created(), c.updated(),
        c.unchanged(), c.skipped(), c.failed());
    return new JobProgress(row, Math.max(total, row), message);
  }

  private static String result(ProductImport source, ImportCounts c) {
    return "{\"import\":" + source.id().value() + ",\"rows\":" + c.rowsDone() + ",\"created\":" + c.created()
        + ",\"updated\":" + c.updated() + ",\"unchanged\":" + c.unchanged() + ",\"skipped\":" + c.skipped()
        + ",\"failed\":" + c.failed() + ",\"issues\":" + c.issues() + "}";
  }
}
