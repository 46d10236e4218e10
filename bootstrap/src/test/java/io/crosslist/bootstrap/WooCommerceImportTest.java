package io.crosslist.bootstrap;

import static io.crosslist.domain.imports.WooCsv.simple;
import static io.crosslist.domain.imports.WooCsv.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.application.imports.ProductImportService;
import io.crosslist.application.imports.port.in.GetProductImportUseCase;
import io.crosslist.application.imports.port.in.GetProductImportUseCase.ImportReport;
import io.crosslist.application.imports.port.in.StartProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase.StartImportCommand;
import io.crosslist.application.imports.woocommerce.WooCommerceImportHandler;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.imports.ImportCounts;
import io.crosslist.domain.imports.ImportFileTooLargeException;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImport;
import io.crosslist.domain.imports.ProductImportRepository;
import io.crosslist.domain.imports.WooCsv;
import io.crosslist.domain.job.JobHandler.JobContext;
import io.crosslist.domain.job.JobHandler.JobOutcome;
import io.crosslist.domain.job.JobHandler.ProgressReporter;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ReferenceCatalog;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import io.crosslist.library.CrosslistModule;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WooCommerce import on PostgreSQL: files generated in the exporter's format, uploaded and run by the handler. */
class WooCommerceImportTest {
  static final String MAPPING = "field,value,code\ncategory,Women > Shoes,womens-shoes\ncondition,*,good\n"
      + "size,Medium,m\ncolour,Schwarz,black\n";
  private static final Persistence db = Persistence.get();
  private static Injector injector;

  @BeforeAll
  static void start() {
    injector = db.injector.createChildInjector(new CrosslistModule());
  }

  private static ProductImport upload(TenantId tenant, WooCsv csv, String mapping) {
    return injector.getInstance(StartProductImportUseCase.class).start(new StartImportCommand(tenant, "export.csv",
        new ByteArrayInputStream(csv.bytes()), mapping, "EUR"));
  }

  private static WooCommerceImportHandler handler(int batchRows) {
    return new WooCommerceImportHandler(injector.getInstance(ProductImportRepository.class),
        injector.getInstance(ReferenceCatalog.class), db.products, db.unitOfWork, Clock.systemUTC(), batchRows);
  }

  private static JobOutcome run(TenantId tenant, ProductImport started, WooCommerceImportHandler handler,
      ProgressReporter progress) {
    return handler.handle(new JobContext(tenant, db.jobs.findById(tenant, started.job()).orElseThrow(), progress,
        () -> false));
  }

  private static ImportReport report(TenantId tenant, ProductImport started) {
    return injector.getInstance(GetProductImportUseCase.class).get(tenant, started.id(), 0, 1_000);
  }

  /** A store's export: a simple product, a variable one with three variations, and rows that cannot be imported. */
  static WooCsv storeExport() {
    Map<String, String> shoe = with(with(simple(1, "SHOE-1", "Air Max \"90\", white", "89.00"), "Description",
        "Worn twice, no box.\nSize 38, fits small.\n\n\"Like new\""), "Sale price", "79");
    shoe.put("Attribute 1 name", "Color");
    shoe.put("Attribute 1 value(s)", "Schwarz");
    Map<String, String> parent = with(with(simple(10, "BOOT", "Ankle boot", ""), "Type", "variable"), "Stock", "");
    parent.put("Attribute 1 name", "Size");
    parent.put("Attribute 1 value(s)", "Medium, L, XXL");
    parent.put("Images", "https://shop.example/boot-1.jpg, https://shop.example/boot-2.jpg");
    return WooCsv.export()
        .row(shoe)
        .row(parent)
        .row(variation(11, "BOOT-M", "id:10", "Medium", "55"))
        .row(variation(12, "BOOT-L", "BOOT", "L", "56"))
        .row(variation(13, "BOOT-XXL", "id:10", "XXL", "57"))
        .raw("14,simple,BROKEN,\"only four fields\"")
        .row(with(simple(15, "GARDEN-1", "Rake", "12"), "Categories", "Garden > Tools"))
        .row(with(simple(16, "GROUP-1", "Set", ""), "Type", "grouped"))
        .row(with(simple(17, "SHOE-2", "Trainers", "30"), "Images", "not a url, https://shop.example/t.jpg"));
  }

  private static Map<String, String> variation(int id, String sku, String parent, String size, String price) {
    Map<String, String> row = new java.util.HashMap<>();
    row.put("ID", String.valueOf(id));
    row.put("Type", "variation");
    row.put("SKU", sku);
    row.put("Parent", parent);
    row.put("Regular price", price);
    row.put("Stock", "3");
    row.put("Attribute 1 name", "Size");
    row.put("Attribute 1 value(s)", size);
    return row;
  }

  @Test
  void a_store_export_imports_its_products_and_variations_and_reports_each_row_it_could_not_take() {
    TenantId tenant = db.newTenant();
    ProductImport started = upload(tenant, storeExport(), MAPPING);
    assertEquals(9, started.rowsTotal(), "data rows, counted as the file was stored");
    List<JobProgress> progress = new ArrayList<>();
    JobOutcome outcome = run(tenant, started, handler(3), progress::add);
    assertInstanceOf(JobOutcome.Success.class, outcome);
    assertEquals(new ImportCounts(9, 5, 0, 0, 2, 2, 4), report(tenant, started).productImport().counts());
    assertEquals(List.of(3, 6, 9), progress.stream().map(JobProgress::done).toList());
    assertTrue(progress.get(0).message().startsWith("3 of 9 rows, "), progress.get(0).message());

    Map<String, Product> products = db.products.findBySkus(tenant, List.of("SHOE-1", "BOOT-M", "BOOT-L", "BOOT-XXL",
        "SHOE-2", "BOOT", "BROKEN", "GARDEN-1"));
    assertEquals(5, products.size(), products.keySet().toString());
    Product shoe = products.get("SHOE-1");
    assertEquals("Air Max \"90\", white", shoe.details().title());
    assertEquals("Worn twice, no box.\nSize 38, fits small.\n\n\"Like new\"", shoe.details().description());
    assertEquals(new BigDecimal("79.00"), shoe.details().price().amount(), "the sale price");
    assertEquals("black", shoe.details().colour());
    Product medium = products.get("BOOT-M");
    assertEquals("Ankle boot", medium.details().title(), "a variation carries its parent's name");
    assertEquals("m", medium.details().size());
    assertEquals(3, medium.details().stockQuantity());
    assertEquals(List.of("https://shop.example/boot-1.jpg", "https://shop.example/boot-2.jpg"),
        products.get("BOOT-L").details().imageUrls());
    assertEquals(null, products.get("BOOT-XXL").details().size());

    List<ImportIssue> issues = report(tenant, started).issues();
    assertEquals(List.of(
        new ImportIssue(5, "Attribute 1 value(s)", "XXL", "maps to no size code; add size,XXL,CODE to the mapping;"
            + " imported without a size", false),
        new ImportIssue(6, "row", "4 fields", "has 4 fields where the header has " + WooCsv.HEADER.size(), true),
        new ImportIssue(7, "Categories", "Garden > Tools", "no category path maps to a category code; add"
            + " category,PATH,CODE to the mapping", true),
        new ImportIssue(9, "Images", "not a url", "must be an absolute http or https URL; the image is left out",
            false)), issues);
  }

  @Test
  void a_rerun_of_the_same_file_changes_nothing_and_an_edited_file_updates_by_sku_without_duplicates()
      throws Exception {
    TenantId tenant = db.newTenant();
    run(tenant, upload(tenant, storeExport(), MAPPING), handler(200), p -> { });
    ProductImport again = upload(tenant, storeExport(), MAPPING);
    run(tenant, again, handler(200), p -> { });
    assertEquals(new ImportCounts(9, 0, 0, 5, 2, 2, 4), report(tenant, again).productImport().counts());

    WooCsv edited = WooCsv.plain().row(with(simple(17, "SHOE-2", "Trainers", "25.50"), "Stock", "4"))
        .row(simple(18, "SHOE-3", "Loafers", "40"));
    ProductImport third = upload(tenant, edited, MAPPING);
    run(tenant, third, handler(200), p -> { });
    assertEquals(new ImportCounts(2, 1, 1, 0, 0, 0, 0), report(tenant, third).productImport().counts());
    Product trainers = db.products.findBySkus(tenant, List.of("SHOE-2")).get("SHOE-2");
    assertEquals(new BigDecimal("25.50"), trainers.details().price().amount());
    assertEquals(4, trainers.details().stockQuantity());
    assertEquals(List.of("https://shop.example/img/SHOE-2.jpg"), trainers.details().imageUrls(),
        "the edited row's images replace the first file's");
    assertEquals(List.of(6L, 6L), counts(tenant), "six products, six distinct SKUs: nothing duplicated");
  }

  private static List<Long> counts(TenantId tenant) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
         ResultSet rs = c.createStatement().executeQuery("select count(*), count(distinct sku) from "
             + tenant.schemaName() + ".products where deleted_at is null")) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2));
    }
  }

  @Test
  void an_attempt_that_dies_mid_file_resumes_after_its_last_checkpoint() throws Exception {
    TenantId tenant = db.newTenant();
    WooCsv big = WooCsv.export();
    for (int i = 1; i <= 2_000; i++) {
      big.row(with(simple(i, "SKU-" + i, "Product " + i, i + ".99"), "Description", "line one\nline \"two\", " + i));
    }
    ProductImport started = upload(tenant, big, MAPPING);
    assertEquals(2_000, started.rowsTotal());
    int[] reports = {0};
    RuntimeException crash = assertThrows(RuntimeException.class, () -> run(tenant, started, handler(100), p -> {
      if (++reports[0] == 7) {
        throw new IllegalStateException("the worker died");
      }
    }));
    assertEquals("the worker died", crash.getMessage());
    assertEquals(new ImportCounts(700, 700, 0, 0, 0, 0, 0), report(tenant, started).productImport().counts(),
        "seven batches committed with their checkpoint");

    List<JobProgress> resumed = new ArrayList<>();
    assertInstanceOf(JobOutcome.Success.class, run(tenant, started, handler(100), resumed::add));
    assertEquals(800, resumed.get(0).done(), "the second attempt starts after row 700");
    assertEquals(new ImportCounts(2_000, 2_000, 0, 0, 0, 0, 0), report(tenant, started).productImport().counts(),
        "no row imported twice: nothing counted unchanged");
    assertEquals(List.of(2_000L, 2_000L), counts(tenant));
  }

  @Test
  void a_refused_upload_keeps_nothing_and_names_the_field() throws Exception {
    TenantId tenant = db.newTenant();
    ValidationException mapping = assertThrows(ValidationException.class, () -> upload(tenant, storeExport(),
        "size,XXL,xxxl\n"));
    assertEquals("mapping line 1: 'xxxl' is not a known size code", mapping.getMessage());
    ValidationException empty = assertThrows(ValidationException.class, () -> injector.getInstance(
        StartProductImportUseCase.class).start(new StartImportCommand(tenant, "x.csv", new ByteArrayInputStream(
        "\n\n".getBytes()), null, "EUR")));
    assertEquals("file: is empty: a WooCommerce export starts with its header row", empty.getMessage());
    ValidationException notWoo = assertThrows(ValidationException.class, () -> injector.getInstance(
        StartProductImportUseCase.class).start(new StartImportCommand(tenant, "x.csv", new ByteArrayInputStream(
        "a,b\n1,2\n".getBytes()), null, "EUR")));
    assertEquals("file: is not a WooCommerce product export: its header lacks the column(s) Name, Regular price,"
        + " SKU (or ID)", notWoo.getMessage());
    ValidationException currency = assertThrows(ValidationException.class, () -> injector.getInstance(
        StartProductImportUseCase.class).start(new StartImportCommand(tenant, "x.csv", new ByteArrayInputStream(
        storeExport().bytes()), null, "euro")));
    assertEquals("currency.currency: must be an ISO 4217 code such as EUR", currency.getMessage());

    ProductImportService small = new ProductImportService(injector.getInstance(ProductImportRepository.class),
        injector.getInstance(ReferenceCatalog.class), injector.getInstance(EnqueueJobUseCase.class), db.jobs,
        db.unitOfWork, Clock.systemUTC(), 1_000);
    assertThrows(ImportFileTooLargeException.class, () -> small.start(new StartImportCommand(tenant, "big.csv",
        new ByteArrayInputStream(storeExport().bytes()), null, null)));
    try (Connection c = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
         ResultSet rs = c.createStatement().executeQuery("select (select count(*) from " + tenant.schemaName()
             + ".product_imports), (select count(*) from " + tenant.schemaName() + ".product_import_chunks)")) {
      rs.next();
      assertEquals(0, rs.getLong(1) + rs.getLong(2), "nothing kept of a refused upload");
    }
    assertThrows(UnknownTenantException.class, () -> upload(Persistence.unusedTenant(), storeExport(), null));
  }
}
