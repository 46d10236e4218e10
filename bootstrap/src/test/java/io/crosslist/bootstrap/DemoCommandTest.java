package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.TestDatabase;
import org.junit.jupiter.api.Test;

class DemoCommandTest {


  @Test
  void the_demo_provisions_writes_and_lists_products_and_can_run_again() {
    String url = TestDatabase.get().jdbcUrl();
    CliRun first = run("demo", "--jdbc-url", url, "--tenant", "7");
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().contains("tenant 7: schema user_7, version 0 -> 14"), first.out());
    assertTrue(first.out().contains("3 products on the first page"), first.out());
    assertTrue(first.out().contains("PUBLISHED"), first.out());
    assertTrue(first.out().contains("VINTED PUBLISH: COMPLETED {\"url\": \"https://vinted.simulated.invalid/listings/"),
        first.out());
    assertTrue(first.out().contains("EBAY IMPORT_PRODUCTS: COMPLETED {\"pages\": 1, \"imported\": 5}"), first.out());

    CliRun second = run("demo", "--jdbc-url", url, "--tenant", "7");
    assertEquals(0, second.exit(), second.err());
    assertTrue(second.out().contains("(already current)"), second.out());
    assertTrue(second.out().contains("11 products on the first page"), second.out()); // 3 + 5 imported + 3
  }

  @Test
  void a_bad_tenant_id_is_one_clear_line_and_exit_code_2() {
    CliRun run = run("demo", "--tenant", "user_1; drop schema", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("Invalid value for option '--tenant'"), run.err());
    assertTrue(run.err().contains("Invalid value for option '--tenant': tenant id must be a positive integer in ASCII digits"),
        run.err());
    assertFalse(run.err().contains("Exception"), "no exception class names: " + run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void a_url_for_another_database_is_refused_with_the_setting_named() {
    CliRun run = run("demo", "--jdbc-url", "jdbc:mysql://localhost/x");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("error: invalid persistence settings: jdbcUrl: must start with jdbc:postgresql:"),
        run.err());
  }

  @Test
  void the_worker_runs_until_its_stop_time_and_stops_gracefully() {
    io.crosslist.adapter.persistence.Persistence.get().clearDispatchIndex(); // no job other tests left waiting
    CliRun run = run("worker", "--jdbc-url", TestDatabase.get().jdbcUrl(), "--worker-id", "cli-test", "--concurrency",
        "2", "--stop-after", "PT1S");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("worker cli-test running on"), run.out());
    assertTrue(run.out().contains("worker cli-test stopped: 0 job(s) finished during shutdown, 0 given back"),
        run.out());
  }

  @Test
  void a_bad_worker_setting_is_one_line_naming_the_field_and_exit_code_2() {
    CliRun run = run("worker", "--concurrency", "0", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: --concurrency (CROSSLIST_CONCURRENCY, or concurrency in the"
        + " configuration file): must be between 1 and 1000"), run.err());
    assertEquals(1, run.err().lines().count(), "one line, no stack trace");
  }
}
