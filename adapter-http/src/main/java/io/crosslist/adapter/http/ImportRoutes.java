package io.crosslist.adapter.http;

import static io.crosslist.adapter.http.RequestPipeline.tenant;

import io.crosslist.adapter.http.JobJson.JobView;
import io.crosslist.application.imports.port.in.GetProductImportUseCase.ImportReport;
import io.crosslist.application.imports.port.in.StartProductImportUseCase.StartImportCommand;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.imports.ImportCounts;
import io.crosslist.domain.imports.ImportId;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImport;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /imports...}: a tenant's product imports. {@code POST /imports/woocommerce} takes a WooCommerce product
 * export, either as the body ({@code text/csv}, streamed to the database as it arrives) or as the {@code file} part
 * of a {@code multipart/form-data} upload with an optional {@code mapping} part (the reference mapping) and
 * {@code currency}; it answers 202 with the import and its job. {@code GET /imports/{id}} is the report: counts,
 * the job's status and progress, and a page of per-row issues.
 */
final class ImportRoutes {
  /** The largest mapping part accepted. */
  static final int MAX_MAPPING_BYTES = 1 << 20;
  /** The largest file part spooled (the use case's own limit applies as it is stored). */
  static final long MAX_FILE_MIB = 512;
  private final ImportPorts ports;
  private final HttpJson json;

  ImportRoutes(ImportPorts ports, HttpJson json) {
    this.ports = ports;
    this.json = json;
  }

  void register(RouteTable routes, RequestPipeline pipeline) {
    routes.before("/imports", pipeline::authenticate);
    routes.add(HandlerType.POST, "/imports/woocommerce", this::upload);
    routes.add(HandlerType.GET, "/imports/{id}", this::report);
  }

  private void upload(Context ctx) throws IOException {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    ProductImport started;
    if (type.startsWith("multipart/form-data")) {
      UploadedFile file = ctx.uploadedFile("file");
      if (file == null) {
        throw ValidationException.of("file", "is required: the multipart part holding the WooCommerce export");
      }
      String mapping = mapping(ctx);
      String currency = ctx.formParam("currency");
      try (InputStream content = file.content()) {
        started = ports.start().start(new StartImportCommand(tenant(ctx), file.filename(), content, mapping,
            currency == null || currency.isEmpty() ? null : currency));
      }
    } else if (type.startsWith("text/csv")) {
      String name = ctx.queryParam("fileName");
      String currency = ctx.queryParam("currency");
      started = ports.start().start(new StartImportCommand(tenant(ctx), name, ctx.req().getInputStream(), null,
          currency == null || currency.isEmpty() ? null : currency));
    } else {
      throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
          "send the export as text/csv, or as the file part of multipart/form-data (with a mapping part)");
    }
    ctx.status(202).header("Location", "/imports/" + started.id().value());
    json.respond(ctx, ImportView.of(ports.get().get(tenant(ctx), started.id(), 0, 1)));
  }

  private static String mapping(Context ctx) throws IOException {
    UploadedFile part = ctx.uploadedFile("mapping");
    if (part == null) {
      return ctx.formParam("mapping");
    }
    if (part.size() > MAX_MAPPING_BYTES) {
      throw ValidationException.of("mapping", "must be at most " + MAX_MAPPING_BYTES + " bytes");
    }
    try (InputStream in = part.content()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void report(Context ctx) throws IOException {
    Integer offset = Requests.query(ctx, "offset", Integer::valueOf, "must be a whole number");
    int limit = Requests.limit(ctx, 100);
    ImportReport report = ports.get().get(tenant(ctx), ImportId.of(Requests.pathId(ctx)),
        offset == null ? 0 : offset, limit);
    json.respond(ctx, ImportView.of(report));
  }

  /** An import's report. */
  record ImportView(long id, String format, String fileName, long fileBytes, String currency, int rowsTotal,
      int rowsDone, String status, Counts counts, JobView job, List<IssueView> issues, Instant createdAt,
      Instant updatedAt) {
    static ImportView of(ImportReport report) {
      ProductImport i = report.productImport();
      ImportCounts c = i.counts();
      return new ImportView(i.id().value(), i.format(), i.fileName(), i.fileBytes(), i.currency(), i.rowsTotal(),
          c.rowsDone(), report.job() == null ? "UPLOADING" : report.job().status().name(),
          new Counts(c.rowsDone(), c.created(), c.updated(), c.unchanged(), c.skipped(), c.failed(), c.issues()),
          report.job() == null ? null : JobView.of(report.job()),
          report.issues().stream().map(IssueView::of).toList(), i.createdAt(), i.updatedAt());
    }
  }

  /** The counts of an import (as committed). */
  record Counts(int rows, int created, int updated, int unchanged, int skipped, int failed, int issues) {}

  /** One per-row issue. */
  record IssueView(int row, String column, String value, String rule, boolean rowFailed) {
    static IssueView of(ImportIssue issue) {
      return new IssueView(issue.row(), issue.column(), issue.value(), issue.rule(), issue.rowFailed());
    }
  }
}
