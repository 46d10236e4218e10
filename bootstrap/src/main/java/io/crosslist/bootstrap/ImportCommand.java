package io.crosslist.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.imports.port.in.GetProductImportUseCase;
import io.crosslist.application.imports.port.in.GetProductImportUseCase.ImportReport;
import io.crosslist.application.imports.port.in.StartProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase.StartImportCommand;
import io.crosslist.domain.imports.ImportCounts;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import io.crosslist.library.CrosslistRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crosslist import woocommerce FILE --tenant ID}: stores a WooCommerce product export in the tenant's schema
 * and enqueues its import job; then, unless {@code --detach}, runs that job in this process (a worker serving only
 * imports) and prints its progress and its report. Exit 0 when every row imported, 3 when some rows failed (the
 * report names them), 1 when the job failed, 2 for bad arguments or a refused file or mapping (nothing kept).
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports products from another store.",
    subcommands = {ImportCommand.WooCommerce.class})
final class ImportCommand {

  @Command(name = "woocommerce", mixinStandardHelpOptions = true,
      description = "Imports a WooCommerce product export (the CSV of WooCommerce's product exporter) into a tenant:"
          + " idempotent by SKU, resumable; docs/workflows/woocommerce-import.md.")
  static final class WooCommerce implements Callable<Integer> {
    static final int MAX_MAPPING_BYTES = 1 << 20;
    static final int ISSUES_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "FILE", description = "the export (CSV, UTF-8)")
    Path file;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "the tenant whose products they are")
    TenantId tenant;

    @Option(names = "--mapping", paramLabel = "FILE", description = "the reference mapping: lines field,value,code"
        + " (field: brand, category, condition, size, colour) or attribute,NAME,field")
    Path mapping;

    @Option(names = "--currency", defaultValue = "EUR", description = "the prices' currency (default EUR)")
    String currency;

    @Option(names = "--detach", description = "only store the file and enqueue the job; a worker (crosslist worker"
        + " or serve) runs it, GET /imports/{id} follows it")
    boolean detach;

    @Option(names = "--progress-every", defaultValue = "PT2S", paramLabel = "DURATION",
        description = "how often progress is printed (default PT2S)")
    Duration progressEvery;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new IllegalArgumentException("FILE: " + file + " is not a readable file");
      }
      String mappingText = mappingText();
      if (progressEvery.isNegative() || progressEvery.isZero()) {
        throw new IllegalArgumentException("--progress-every: must be a positive duration such as PT2S");
      }
      try (Database db = database.open(); PersistenceModule persistence = new PersistenceModule(db.settings())) {
        // no marketplace gateways: the only job type this process serves is the import's
        Injector injector = Guice.createInjector(persistence, CrosslistModule.builder().withoutSimulations().build());
        ProductImport started;
        try (InputStream in = Files.newInputStream(file)) {
          started = injector.getInstance(StartProductImportUseCase.class).start(new StartImportCommand(tenant,
              file.getFileName().toString(), in, mappingText, currency));
        }
        out.printf("import %d: %s stored for tenant %s (%d rows, %d bytes); job %s enqueued%n", started.id().value(),
            started.fileName(), tenant, started.rowsTotal(), started.fileBytes(), started.job());
        if (detach) {
          out.printf("a worker runs it; follow it with GET /imports/%d%n", started.id().value());
          return 0;
        }
        out.flush();
        return follow(injector, started, out);
      }
    }

    private String mappingText() throws IOException {
      if (mapping == null) {
        return null;
      }
      if (!Files.isRegularFile(mapping) || !Files.isReadable(mapping)) {
        throw new IllegalArgumentException("--mapping: " + mapping + " is not a readable file");
      }
      if (Files.size(mapping) > MAX_MAPPING_BYTES) {
        throw new IllegalArgumentException("--mapping: " + mapping + " is larger than " + MAX_MAPPING_BYTES + " bytes");
      }
      return Files.readString(mapping, StandardCharsets.UTF_8);
    }

    /** Runs the job here (a worker serving imports only) and prints its progress, then its report. */
    private int follow(Injector injector, ProductImport started, PrintWriter out) {
      String id = "import " + ManagementFactory.getRuntimeMXBean().getName();
      GetProductImportUseCase reports = injector.getInstance(GetProductImportUseCase.class);
      ImportReport report;
      try (CrosslistRuntime runtime = CrosslistRuntime.start(injector, WorkerSettings.defaults(id)
          .withConcurrency(1, 1), new ScheduleSettings(id, Map.of(), Duration.ofSeconds(5), Duration.ofHours(1),
          Duration.ofSeconds(30)), new SimpleMeterRegistry())) {
        while (true) {
          sleep();
          report = reports.get(tenant, started.id(), 0, ISSUES_SHOWN);
          MarketplaceJob job = report.job();
          if (job != null && job.status().isTerminal()) {
            break;
          }
          out.printf("%s: %s%n", job == null ? "?" : job.status(), job == null || job.progress().message().isEmpty()
              ? "waiting for the job to start" : job.progress().message());
          out.flush();
        }
      }
      return summary(report, out);
    }

    private int summary(ImportReport report, PrintWriter out) {
      ImportCounts c = report.productImport().counts();
      MarketplaceJob job = report.job();
      out.printf("%s: %d rows: %d created, %d updated, %d unchanged, %d skipped, %d failed; %d issue(s)%n",
          job.status(), c.rowsDone(), c.created(), c.updated(), c.unchanged(), c.skipped(), c.failed(), c.issues());
      if (job.lastError() != null && job.status() != io.crosslist.domain.job.JobStatus.COMPLETED) {
        out.println("job " + job.id() + ": " + job.lastError());
      }
      List<ImportIssue> issues = report.issues();
      if (!issues.isEmpty()) {
        out.printf("issues (first %d of %d; all: GET /imports/%d):%n", issues.size(), c.issues(),
            report.productImport().id().value());
        out.printf("  %-6s %-24s %-8s %-30s %s%n", "ROW", "COLUMN", "THE ROW", "VALUE", "RULE");
        for (ImportIssue i : issues) {
          out.printf("  %-6d %-24s %-8s %-30s %s%n", i.row(), i.column(), i.rowFailed() ? "failed" : "imported",
              i.value().length() > 30 ? i.value().substring(0, 27) + "..." : i.value(), i.rule());
        }
      }
      if (job.status() != io.crosslist.domain.job.JobStatus.COMPLETED) {
        return 1;
      }
      return c.failed() == 0 ? 0 : 3;
    }

    private void sleep() {
      try {
        Thread.sleep(progressEvery.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
    }
  }
}
