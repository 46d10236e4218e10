package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static io.crosslist.domain.connection.ConnectionFixtures.ebay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.tenant.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crosslist tenants export} and {@code import}: what they print and their exit codes (0 ok, 2 refused, 3 failed). */
class TenantArchiveCommandTest {
  private final Persistence db = Persistence.get();
  private static final String URL = TestDatabase.get().jdbcUrl();
  private static String otherDatabase;
  private static String otherUrl;

  @TempDir
  Path dir;

  @BeforeAll
  static void createOtherDatabase() throws SQLException {
    otherDatabase = "crosslist_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(URL, "create database " + otherDatabase);
    otherUrl = URL.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + otherDatabase);
  }

  @AfterAll
  static void dropOtherDatabase() throws SQLException {
    execute(URL, "drop database if exists " + otherDatabase + " with (force)");
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static long count(String url, String sql, long tenant) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A tenant with a product and an eBay connection (two sealed tokens). */
  private TenantId tenantWithRows() throws SQLException {
    TenantId tenant = db.newTenant();
    execute(URL, "insert into " + tenant.schemaName() + ".products (title, price_amount, price_currency, category_code,"
        + " condition_code, stock_quantity, status, created_at, updated_at) values ('Nike Air Max 90', 89, 'EUR',"
        + " 'womens-shoes', 'very-good', 1, 'PUBLISHED', now(), now())");
    db.injector.getInstance(MarketplaceConnectionRepository.class).add(tenant, ebay("cli"));
    return tenant;
  }

  @Test
  void export_then_import_into_another_database_under_another_id_prints_tables_and_a_summary() throws Exception {
    TenantId source = tenantWithRows();
    Path file = dir.resolve("tenant.zip");

    CliRun exported = run("tenants", "export", Long.toString(source.value()), "--out", file.toString(),
        "--jdbc-url", URL);

    assertEquals(0, exported.exit(), exported.out() + exported.err());
    assertTrue(exported.out().startsWith("exporting tenant " + source.value() + " to " + file), exported.out());
    assertTrue(exported.out().contains("\n  products: 1 rows, "), exported.out());
    assertTrue(exported.out().contains("\n  marketplace_connections: 1 rows, "), exported.out());
    assertTrue(exported.out().contains("exported tenant " + source.value() + " (ACTIVE; crosslist V14): 18 tables, 2"
        + " rows, "), exported.out());
    assertTrue(exported.out().contains("; 2 credential(s) left sealed"), exported.out());

    TenantId copy = TenantId.of(source.value() + 700_000);
    CliRun imported = run("tenants", "import", file.toString(), "--as", Long.toString(copy.value()),
        "--jdbc-url", otherUrl, "--secret-keyset", TestDatabase.KEYSET);

    assertEquals(0, imported.exit(), imported.out() + imported.err());
    assertTrue(imported.out().startsWith("importing tenant " + source.value() + "'s archive (exported "), imported.out());
    assertTrue(imported.out().contains("ACTIVE; crosslist V14; 18 tables, 2 rows, "), imported.out());
    assertTrue(imported.out().contains("\n  products: 1 rows, "), imported.out());
    assertTrue(imported.out().contains("imported as tenant " + copy.value() + " (ACTIVE): 18 tables, 2 rows, "),
        imported.out());
    assertTrue(imported.out().contains("; tracks crosslist V14; 2 credential(s) re-sealed for tenant "
        + copy.value()), imported.out());
    assertEquals(1, count(otherUrl, "select count(*) from crosslist.connected_accounts where tenant_id = ?",
        copy.value()));

    CliRun again = run("tenants", "import", file.toString(), "--as", Long.toString(copy.value()),
        "--jdbc-url", otherUrl, "--secret-keyset", TestDatabase.KEYSET);
    assertEquals(2, again.exit(), again.out() + again.err());
    assertTrue(again.err().contains("tenant " + copy.value() + " already exists (it is registered in this database):"
        + " an archive is restored into a new tenant only"), again.err());
  }

  @Test
  void refusals_are_one_line_and_exit_2_and_write_nothing() throws Exception {
    TenantId source = tenantWithRows();
    Path file = dir.resolve("sealed.zip");
    assertEquals(0, run("tenants", "export", Long.toString(source.value()), "--out", file.toString(),
        "--jdbc-url", URL).exit());
    TenantId unknown = Persistence.unusedTenant();
    TenantId target = Persistence.unusedTenant();
    Path notAnArchive = Files.writeString(dir.resolve("notes.txt"), "hello");
    record Refusal(List<String> args, String says) {}
    for (Refusal refusal : List.of(
        new Refusal(List.of("export", Long.toString(unknown.value()), "--out", dir.resolve("u.zip").toString()),
            "tenant " + unknown.value() + " is not provisioned"),
        new Refusal(List.of("export", Long.toString(source.value()), "--out", file.toString()),
            "--out: " + file + " exists already: an export never overwrites"),
        new Refusal(List.of("export", Long.toString(source.value()), "--out", dir.resolve("no/such/dir.zip").toString()),
            "--out: the directory " + dir.resolve("no/such") + " does not exist"),
        new Refusal(List.of("export", "+7", "--out", dir.resolve("x.zip").toString()), "tenant id"),
        new Refusal(List.of("import", dir.resolve("missing.zip").toString(), "--as", "5"), "is not a file"),
        new Refusal(List.of("import", file.toString()), "Missing required option: '--as=TENANT'"),
        new Refusal(List.of("import", file.toString(), "--as", "5", "--status", "paused"),
            "--status: must be ACTIVE or SUSPENDED, got 'paused'"),
        new Refusal(List.of("import", notAnArchive.toString(), "--as", Long.toString(target.value())),
            "is not a tenant archive"),
        new Refusal(List.of("import", file.toString(), "--as", Long.toString(target.value())),
            "re-seals its 2 stored credential(s) for tenant " + target.value() + ", but no secret keyset is"
                + " configured: set PersistenceSettings.withSecretKeyset(json); for crosslist.jar --secret-keyset"))) {
      String[] args = new java.util.ArrayList<String>() {{
          add("tenants");
          addAll(refusal.args());
          add("--jdbc-url");
          add(URL);
        }}.toArray(String[]::new);
      CliRun refused = run(args);
      assertEquals(2, refused.exit(), refusal + ": " + refused.out() + refused.err());
      assertTrue(refused.err().contains(refusal.says()), refusal + ": " + refused.err());
      assertFalse(refused.err().contains("\tat "), "no stack trace: " + refused.err());
    }
    assertEquals(0, count(URL, "select count(*) from crosslist.tenants where id = ?", target.value()));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "the archive and the text file, no partial file");
    }
  }

  @Test
  void a_damaged_archive_fails_with_exit_3_and_leaves_nothing_of_the_new_tenant() throws Exception {
    TenantId source = tenantWithRows();
    Path file = dir.resolve("good.zip");
    assertEquals(0, run("tenants", "export", Long.toString(source.value()), "--out", file.toString(),
        "--jdbc-url", URL).exit());
    Path damaged = dir.resolve("damaged.zip");
    try (ZipFile zip = new ZipFile(file.toFile()); OutputStream out = Files.newOutputStream(damaged);
        ZipOutputStream copy = new ZipOutputStream(out)) {
      for (ZipEntry entry : zip.stream().toList()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(bytes);
        }
        byte[] data = bytes.toByteArray();
        copy.putNextEntry(new ZipEntry(entry.getName()));
        // the products' rows cut short: the archive still opens, its manifest reads, the copy fails midway
        copy.write(entry.getName().startsWith("tables/") && data.length > 40 ? java.util.Arrays.copyOf(data,
            data.length - 9) : data);
        copy.closeEntry();
      }
    }
    TenantId target = TenantId.of(source.value() + 700_000);

    CliRun failed = run("tenants", "import", damaged.toString(), "--as", Long.toString(target.value()),
        "--jdbc-url", otherUrl, "--secret-keyset", TestDatabase.KEYSET);

    assertEquals(3, failed.exit(), failed.out() + failed.err());
    assertTrue(failed.err().startsWith("error: the rows of table "), failed.err());
    assertTrue(failed.err().contains("could not be loaded"), failed.err());
    assertTrue(failed.err().contains("nothing was imported"), failed.err());
    assertFalse(failed.err().contains("\tat "), "no stack trace: " + failed.err());
    assertEquals(0, count(otherUrl, "select count(*) from crosslist.tenants where id = ?", target.value()));
    assertEquals(0, count(otherUrl, "select count(*) from pg_namespace where nspname = 'user_' || ?", target.value()));
    assertEquals(0, count(otherUrl, "select count(*) from crosslist.tenant_tracks where tenant_id = ?",
        target.value()));
  }
}
