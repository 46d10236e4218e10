package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.ApiClient.assertProblem;
import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.crosslist.adapter.http.CrosslistHttpModule;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.domain.imports.WooCsv;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crosslist import woocommerce} and {@code POST /imports/woocommerce}, each running the import as a job. */
class WooCommerceImportCommandTest {
  private static final String URL = TestDatabase.get().jdbcUrl();
  private static final Persistence db = Persistence.get();
  private static ApiClient client;

  @BeforeAll
  static void start() {
    db.clearDispatchIndex(); // only this class's imports are claimed here
    Injector injector = db.injector.createChildInjector(new CrosslistModule(), new CrosslistHttpModule());
    client = new ApiClient(injector);
    worker = new JobWorkerPool(WorkerSettings.defaults("woo-http").withTiming(Duration.ofSeconds(30),
        Duration.ofSeconds(10), Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofSeconds(5)), injector.getInstance(JobWorkerPool.Ports.class), new SimpleMeterRegistry());
  }

  private static JobWorkerPool worker;

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void the_command_stores_the_file_runs_its_job_and_prints_progress_and_the_report(@TempDir Path dir)
      throws Exception {
    TenantId tenant = db.newTenant();
    Path file = dir.resolve("export.csv");
    Files.write(file, WooCommerceImportTest.storeExport().bytes());
    Path mapping = dir.resolve("mapping.csv");
    Files.writeString(mapping, WooCommerceImportTest.MAPPING);
    CliRun first = run("import", "woocommerce", file.toString(), "--tenant", String.valueOf(tenant.value()),
        "--mapping", mapping.toString(), "--progress-every", "PT0.1S", "--jdbc-url", URL);
    assertEquals(3, first.exit(), first.out() + first.err());
    assertTrue(first.out().contains("(9 rows, "), first.out());
    assertTrue(first.out().contains("COMPLETED: 9 rows: 5 created, 0 updated, 0 unchanged, 2 skipped, 2 failed;"
        + " 4 issue(s)"), first.out());
    assertTrue(first.out().contains("  7      Categories               failed   Garden > Tools"), first.out());

    CliRun again = run("import", "woocommerce", file.toString(), "--tenant", String.valueOf(tenant.value()),
        "--mapping", mapping.toString(), "--progress-every", "PT0.1S", "--jdbc-url", URL);
    assertTrue(again.out().contains("COMPLETED: 9 rows: 0 created, 0 updated, 5 unchanged"), again.out());
  }

  @Test
  void bad_arguments_are_one_line_each_and_keep_nothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("export.csv");
    Files.write(file, WooCommerceImportTest.storeExport().bytes());
    CliRun leadingZero = run("import", "woocommerce", file.toString(), "--tenant", "042", "--jdbc-url", URL);
    assertEquals(2, leadingZero.exit());
    assertTrue(leadingZero.err().contains("--tenant"), leadingZero.err());
    CliRun noTenant = run("import", "woocommerce", file.toString(), "--jdbc-url", URL);
    assertEquals(2, noTenant.exit());
    assertTrue(noTenant.err().contains("Missing required option: '--tenant=ID'"), noTenant.err());
    CliRun missing = run("import", "woocommerce", dir.resolve("nope.csv").toString(), "--tenant", "7",
        "--jdbc-url", URL);
    assertEquals("error: FILE: " + dir.resolve("nope.csv") + " is not a readable file\n", missing.err());
    Path badMapping = dir.resolve("mapping.csv");
    Files.writeString(badMapping, "size,XXL,xxxl\n");
    CliRun refused = run("import", "woocommerce", file.toString(), "--tenant", String.valueOf(db.newTenant().value()),
        "--mapping", badMapping.toString(), "--jdbc-url", URL);
    assertEquals(2, refused.exit());
    assertEquals("error: mapping line 1: 'xxxl' is not a known size code\n", refused.err());
    CliRun unknown = run("import", "woocommerce", file.toString(), "--tenant",
        String.valueOf(Persistence.unusedTenant().value()), "--detach", "--jdbc-url", URL);
    assertEquals(2, unknown.exit(), unknown.err());
  }

  @Test
  void an_upload_over_http_runs_as_a_job_whose_report_the_api_shows() throws Exception {
    TenantId tenant = db.newTenant();
    String owner = "Authorization: Bearer " + ApiClient.token(tenant.value());
    String boundary = "b0undary";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"shop.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + WooCommerceImportTest.storeExport().text() + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"mapping\"; filename=\"mapping.csv\"\r\n\r\n"
        + WooCommerceImportTest.MAPPING + "\r\n--" + boundary + "--\r\n";
    ApiClient.Response uploaded = client.send("POST", "/imports/woocommerce", multipart, owner,
        "Content-Type: multipart/form-data; boundary=" + boundary);
    assertEquals(202, uploaded.status(), uploaded.body());
    assertTrue(uploaded.body().contains("\"fileName\":\"shop.csv\"") && uploaded.body().contains("\"rowsTotal\":9"),
        uploaded.body());
    String location = uploaded.header("Location");

    ApiClient.Response plain = client.send("POST", "/imports/woocommerce?currency=GBP", WooCsv.plain()
        .row(WooCsv.simple(1, "ONLY-1", "Scarf", "12")).text(), owner, "Content-Type: text/csv; charset=utf-8");
    assertEquals(202, plain.status(), plain.body());
    assertTrue(plain.body().contains("\"currency\":\"GBP\""), plain.body());

    String body = "";
    try (JobWorkerPool running = worker.start()) {
      Instant deadline = Instant.now().plusSeconds(30);
      while (!body.contains("\"status\":\"COMPLETED\"") && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
        body = client.send("GET", location, null, owner).body();
      }
    }
    assertTrue(body.contains("\"counts\":{\"rows\":9,\"created\":5,\"updated\":0,\"unchanged\":0,\"skipped\":2,"
        + "\"failed\":2,\"issues\":4}"), body);
    assertTrue(body.contains("{\"row\":7,\"column\":\"Categories\",\"value\":\"Garden > Tools\",\"rule\":"), body);
    assertTrue(body.contains("\"import\":" + idOf(location) + ","), body);
    ApiClient.Response page = client.send("GET", location + "?offset=3&limit=1", null, owner);
    assertTrue(page.body().contains("\"issues\":[{\"row\":9,"), page.body());

    assertProblem(client.send("POST", "/imports/woocommerce", "{}", owner, "Content-Type: application/json"), 415,
        "unsupported-media-type");
    ApiClient.Response badMapping = client.send("POST", "/imports/woocommerce", multipart.replace(
        WooCommerceImportTest.MAPPING, "size,XXL,xxxl\n"), owner, "Content-Type: multipart/form-data; boundary="
        + boundary);
    assertProblem(badMapping, 422, "validation");
    assertTrue(badMapping.body().contains("\"field\":\"mapping line 1\""), badMapping.body());
    assertProblem(client.send("GET", "/imports/999999", null, owner), 404, "not-found");
    String other = "Authorization: Bearer " + ApiClient.token(db.newTenant().value());
    assertProblem(client.send("GET", location, null, other), 404, "not-found");
    assertProblem(client.send("GET", location, null), 401, "unauthorized");
  }

  private static long idOf(String location) {
    Matcher m = Pattern.compile("/imports/(\\d+)").matcher(location);
    assertTrue(m.find(), location);
    return Long.parseLong(m.group(1));
  }
}
