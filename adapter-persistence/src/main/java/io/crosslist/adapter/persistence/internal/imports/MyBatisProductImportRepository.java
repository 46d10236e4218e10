package io.crosslist.adapter.persistence.internal.imports;

import io.crosslist.adapter.persistence.internal.imports.ImportMapper.ImportRow;
import io.crosslist.adapter.persistence.internal.imports.ImportMapper.IssueRow;
import io.crosslist.adapter.persistence.internal.imports.ImportMapper.ParentRecord;
import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.imports.ImportCounts;
import io.crosslist.domain.imports.ImportId;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.product.ReferenceCatalog;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link ProductImportRepository} and {@link ReferenceCatalog} on the tenant's import tables. */
@Singleton
public final class MyBatisProductImportRepository implements ProductImportRepository, ReferenceCatalog {
  /** Issues written per statement (7 parameters each, well under PostgreSQL's 65,535). */
  private static final int ISSUES_PER_STATEMENT = 1_000;
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisProductImportRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  private <T> T imports(TenantId tenant, Function<ImportMapper, T> statement) {
    return sessions.call(tenant, session -> statement.apply(session.getMapper(ImportMapper.class)));
  }

  @Override
  public ProductImport create(TenantId tenant, ProductImport newImport) {
    ImportRow row = new ImportRow();
    row.format = newImport.format();
    row.fileName = newImport.fileName();
    row.currency = newImport.currency();
    row.mapping = newImport.mapping();
    row.createdAt = newImport.createdAt();
    row.updatedAt = newImport.updatedAt();
    long id = imports(tenant, m -> m.insert(tenant, row));
    return find(tenant, ImportId.of(id)).orElseThrow();
  }

  @Override
  public void appendChunk(TenantId tenant, ImportId id, int sequence, byte[] data, int length) {
    byte[] bytes = length == data.length ? data : Arrays.copyOf(data, length);
    imports(tenant, m -> m.appendChunk(tenant, id.value(), sequence, bytes));
  }

  @Override
  public void completeUpload(TenantId tenant, ImportId id, long fileBytes, int rowsTotal, JobId job, Instant at) {
    imports(tenant, m -> m.completeUpload(tenant, id.value(), fileBytes, rowsTotal, job.value(), at));
  }

  @Override
  public void delete(TenantId tenant, ImportId id) {
    imports(tenant, m -> m.delete(tenant, id.value()));
  }

  @Override
  public Optional<ProductImport> find(TenantId tenant, ImportId id) {
    return imports(tenant, m -> m.find(tenant, id.value())).map(MyBatisProductImportRepository::toImport);
  }

  @Override
  public Optional<ProductImport> findByJob(TenantId tenant, JobId job) {
    return imports(tenant, m -> m.findByJob(tenant, job.value())).map(MyBatisProductImportRepository::toImport);
  }

  @Override
  public InputStream openFile(TenantId tenant, ImportId id) {
    return new ChunkStream(seq -> imports(tenant, m -> m.chunk(tenant, id.value(), seq)).map(r -> r.data)
        .orElse(null));
  }

  @Override
  public void checkpoint(TenantId tenant, ImportId id, ImportCounts counts, List<ImportIssue> issues, Instant at) {
    ImportRow row = new ImportRow();
    row.id = id.value();
    row.rowsDone = counts.rowsDone();
    row.created = counts.created();
    row.updated = counts.updated();
    row.unchanged = counts.unchanged();
    row.skipped = counts.skipped();
    row.failed = counts.failed();
    row.issues = counts.issues();
    row.updatedAt = at;
    if (imports(tenant, m -> m.checkpoint(tenant, row)) != 1) {
      throw new IllegalStateException("import " + id + " is already past row " + counts.rowsDone()
          + ": another attempt imports it");
    }
    int base = counts.issues() - issues.size();
    List<IssueRow> rows = new ArrayList<>(issues.size());
    for (int i = 0; i < issues.size(); i++) {
      ImportIssue issue = issues.get(i);
      IssueRow r = new IssueRow();
      r.position = base + i + 1;
      r.rowNumber = issue.row();
      r.columnName = clean(issue.column());
      r.value = clean(issue.value());
      r.rule = clean(issue.rule());
      r.rowFailed = issue.rowFailed();
      rows.add(r);
    }
    for (int from = 0; from < rows.size(); from += ISSUES_PER_STATEMENT) {
      List<IssueRow> part = rows.subList(from, Math.min(rows.size(), from + ISSUES_PER_STATEMENT));
      imports(tenant, m -> m.insertIssues(tenant, id.value(), part));
    }
  }

  @Override
  public List<ImportIssue> issues(TenantId tenant, ImportId id, int offset, int limit) {
    return imports(tenant, m -> m.issues(tenant, id.value(), offset, limit)).stream()
        .map(r -> new ImportIssue(r.rowNumber, r.columnName, r.value, r.rule, r.rowFailed)).toList();
  }

  @Override
  public void saveParent(TenantId tenant, ImportId id, ParentRow parent) {
    ParentRecord row = new ParentRecord();
    row.rowNumber = parent.row();
    row.sourceId = clean(parent.sourceId());
    row.sku = clean(parent.sku());
    row.fields = parent.fields().stream().map(MyBatisProductImportRepository::clean).toList();
    imports(tenant, m -> m.saveParent(tenant, id.value(), row));
  }

  @Override
  public Optional<ParentRow> findParent(TenantId tenant, ImportId id, String reference) {
    Optional<ParentRecord> found = reference.startsWith("id:")
        ? imports(tenant, m -> m.parentBySource(tenant, id.value(), reference.substring(3).strip()))
        : imports(tenant, m -> m.parentBySku(tenant, id.value(), reference));
    return found.map(r -> new ParentRow(r.rowNumber, r.sourceId, r.sku, r.fields));
  }

  @Override
  public List<Reference> references(TenantId tenant) {
    return imports(tenant, m -> m.references(tenant)).stream().map(r -> new Reference(r.field, r.code, r.name))
        .toList();
  }

  /** Text PostgreSQL can store: a NUL character (which a file may hold) becomes U+FFFD. */
  private static String clean(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }

  private static ProductImport toImport(ImportRow r) {
    return new ProductImport(ImportId.of(r.id), r.format, r.fileName, r.fileBytes, r.rowsTotal, r.currency.strip(),
        r.mapping, r.jobId == null ? null : JobId.of(r.jobId), new ImportCounts(r.rowsDone, r.created, r.updated,
        r.unchanged, r.skipped, r.failed, r.issues), r.createdAt, r.updatedAt);
  }

  /** The chunks of a stored file, fetched one at a time as they are read. */
  private static final class ChunkStream extends InputStream {
    private final Function<Integer, byte[]> fetch;
    private byte[] current = new byte[0];
    private int position;
    private int next;
    private boolean ended;

    ChunkStream(Function<Integer, byte[]> fetch) {
      this.fetch = fetch;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (position == current.length) {
        if (ended) {
          return -1;
        }
        byte[] chunk = fetch.apply(next++);
        if (chunk == null) {
          ended = true;
          return -1;
        }
        current = chunk;
        position = 0;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }
}
