package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Injector;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.imports.port.in.GetProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase.StartImportCommand;
import io.crosslist.application.imports.woocommerce.WooCommerceImportHandler;
import io.crosslist.domain.imports.ImportCounts;
import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.imports.WooCsv;
import io.crosslist.domain.job.JobHandler.JobContext;
import io.crosslist.domain.job.JobHandler.JobOutcome;
import io.crosslist.domain.product.ReferenceCatalog;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large generated export (100,000 rows by default), written to a file and imported through the use case and the
 * handler, all streamed: run by hand with a small heap (docs/workflows/woocommerce-import.md), not in CI.
 */
@EnabledIfSystemProperty(named = "crosslist.import.rows", matches = "[1-9][0-9]*")
class WooCommerceLargeImportTest {

  @Test
  void a_large_export_imports_in_bounded_memory(@TempDir Path dir) throws Exception {
    int rows = Integer.parseInt(System.getProperty("crosslist.import.rows"));
    Path file = dir.resolve("large.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      out.write(String.join(",", WooCsv.HEADER));
      out.write("\r\n");
      for (int i = 1; i <= rows; i++) {
        Map<String, String> row = WooCsv.with(WooCsv.simple(i, "BIG-" + i, "Product " + i, (i % 500) + ".99"),
            "Description", "A description, with \"quotes\"\nand a second line, row " + i);
        StringBuilder line = new StringBuilder();
        for (String column : WooCsv.HEADER) {
          String v = row.getOrDefault(column, "");
          if (line.length() > 0 || !column.equals(WooCsv.HEADER.get(0))) {
            line.append(column.equals(WooCsv.HEADER.get(0)) ? "" : ",");
          }
          line.append(v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        out.write(line.toString());
        out.write("\r\n");
      }
    }
    Persistence db = Persistence.get();
    Injector injector = db.injector.createChildInjector(new CrosslistModule());
    TenantId tenant = db.newTenant();
    long started = System.nanoTime();
    ProductImport stored;
    try (InputStream in = Files.newInputStream(file)) {
      stored = injector.getInstance(StartProductImportUseCase.class).start(new StartImportCommand(tenant, "large.csv",
          in, "condition,*,good\ncategory,*,womens-shoes\n", "EUR"));
    }
    System.out.printf("stored %d rows, %d bytes in %d ms%n", stored.rowsTotal(), stored.fileBytes(),
        (System.nanoTime() - started) / 1_000_000);
    WooCommerceImportHandler handler = new WooCommerceImportHandler(injector.getInstance(ProductImportRepository.class),
        injector.getInstance(ReferenceCatalog.class), db.products, db.unitOfWork, Clock.systemUTC(), 200);
    JobOutcome outcome = handler.handle(new JobContext(tenant, db.jobs.findById(tenant, stored.job()).orElseThrow(),
        p -> {
          if (p.done() % 10_000 == 0) {
            Runtime r = Runtime.getRuntime();
            System.out.printf("%s; heap used %d MiB%n", p.message(), (r.totalMemory() - r.freeMemory()) >> 20);
          }
        }, () -> false));
    System.out.println(outcome);
    assertEquals(new ImportCounts(rows, rows, 0, 0, 0, 0, 0), injector.getInstance(GetProductImportUseCase.class)
        .get(tenant, stored.id(), 0, 1).productImport().counts());
  }
}
