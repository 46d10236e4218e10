package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static io.crosslist.bootstrap.CliRun.runWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worker's recurring-task options: bad values are named with their rule before anything starts. */
class WorkerCommandTest {

  @Test
  void an_unknown_task_is_named_with_the_known_ones_before_anything_starts() {
    CliRun result = run("worker", "--jdbc-url", io.crosslist.adapter.persistence.TestDatabase.get().jdbcUrl(),
        "--recurring", "newsletter=PT1M", "--stop-after", "PT0S");
    assertEquals(2, result.exit(), result.out());
    assertTrue(result.err().contains("--recurring newsletter: no recurring task has that name; known: [job-cleanup,"
        + " drafts-cleanup, token-refresh, vinted-keep-alive, etsy-polling, conversations-sync, tenant-migration]"),
        result.err());
    assertFalse(result.err().contains("\tat "), "no stack trace");
    assertFalse(result.out().contains("running"), "no worker started: " + result.out());
  }

  @Test
  void an_interval_that_is_not_a_duration_or_too_short_is_refused() {
    CliRun notDuration = run("worker", "--recurring", "job-cleanup=ten minutes", "--stop-after", "PT0S");
    assertEquals(2, notDuration.exit());
    assertTrue(notDuration.err().contains("--recurring job-cleanup: 'ten minutes' is not an ISO-8601 duration"),
        notDuration.err());

    CliRun tooShort = run("worker", "--recurring", "job-cleanup=PT0.1S", "--stop-after", "PT0S");
    assertEquals(2, tooShort.exit());
    assertTrue(tooShort.err().contains("intervals.job-cleanup") && tooShort.err().contains("at least 1s"),
        tooShort.err());
  }

  @Test
  void lease_heartbeat_and_rescue_interval_out_of_range_are_each_named_with_their_rule() {
    CliRun result = run("worker", "--lease", "PT0.5S", "--heartbeat", "PT1S", "--rescue-interval", "PT0S",
        "--shutdown-timeout", "-PT1S", "--stop-after", "PT0S");
    assertEquals(2, result.exit(), result.out());
    for (String expected : new String[] {"--lease (CROSSLIST_LEASE, or lease in the configuration file): must be"
        + " between 1s and 1h", "--heartbeat (CROSSLIST_HEARTBEAT, or heartbeat in the configuration file): must be at"
        + " least 1ms and at most a third of --lease", "--rescue-interval (CROSSLIST_RESCUE_INTERVAL, or"
        + " rescue-interval in the configuration file): must be at least 1ms", "--shutdown-timeout"}) {
      assertTrue(result.err().contains(expected), expected + " in " + result.err());
    }
    assertEquals(1, result.err().lines().count(), "one line, no usage, no stack trace: " + result.err());
  }

  @Test
  void the_timing_options_show_their_defaults_in_the_help_of_worker_and_serve() {
    for (String command : new String[] {"worker", "serve"}) {
      CliRun help = run(command, "--help");
      assertEquals(0, help.exit(), help.err());
      String text = help.out().replaceAll("\\s+", " "); // as the help wraps it
      for (String expected : new String[] {"--lease=DURATION", "(default: PT60S)", "--heartbeat=DURATION",
          "(default: PT15S)", "--rescue-interval=DURATION", "(default: PT5S)", "--shutdown-timeout=DURATION",
          "(default: PT30S)"}) {
        assertTrue(text.contains(expected), command + ": " + expected + " in " + help.out());
      }
    }
    assertTrue(run("serve", "--help").out().contains("--no-workers"));
  }

  @Test
  void a_task_parameter_out_of_range_is_named_by_its_option() {
    CliRun result = run("worker", "--job-retention", "PT1M", "--keep-alive-failures", "0", "--stop-after", "PT0S");
    assertEquals(2, result.exit(), result.out());
    assertTrue(result.err().contains("--job-retention") && result.err().contains("at least 1 hour"), result.err());
    assertTrue(result.err().contains("--keep-alive-failures") && result.err().contains("between 1 and 100"),
        result.err());
  }

  @Test
  void the_background_fleet_migration_is_a_recurring_task_that_migrate_tenants_off_switches_off() {
    String url = io.crosslist.adapter.persistence.TestDatabase.get().jdbcUrl();
    CliRun on = run("worker", "--jdbc-url", url, "--stop-after", "PT0S");
    assertEquals(0, on.exit(), on.err());
    assertTrue(on.out().contains("tenant-migration=PT1M"), on.out());
    CliRun off = run("worker", "--jdbc-url", url, "--stop-after", "PT0S", "--migrate-tenants", "off");
    assertEquals(0, off.exit(), off.err());
    assertFalse(off.out().contains("tenant-migration"), off.out());
    CliRun bad = run("worker", "--migrate-tenants", "sometimes", "--stop-after", "PT0S");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--migrate-tenants") && bad.err().contains("background, off"), bad.err());
  }

  @Test
  void simulated_latency_and_failure_rate_are_options_validated_before_anything_starts() {
    String url = io.crosslist.adapter.persistence.TestDatabase.get().jdbcUrl();
    CliRun bad = run("worker", "--jdbc-url", url, "--simulated-latency", "-PT1S", "--simulated-failure-rate", "1.5",
        "--stop-after", "PT0S");
    assertEquals(2, bad.exit(), bad.out());
    assertTrue(bad.err().contains("--simulated-latency (CROSSLIST_SIMULATED_LATENCY, or simulated-latency in the"
        + " configuration file): must be between 0 and 10s, got -PT1S"), bad.err());
    assertTrue(bad.err().contains("--simulated-failure-rate (CROSSLIST_SIMULATED_FAILURE_RATE, or"
        + " simulated-failure-rate in the configuration file): must be a number between 0 and 1, got '1.5'"),
        bad.err());
    assertFalse(bad.out().contains("running"), "nothing started: " + bad.out());
    CliRun garbage = runWith(java.util.Map.of("CROSSLIST_SIMULATED_LATENCY", "slow"), "worker", "--jdbc-url", url,
        "--stop-after", "PT0S");
    assertEquals(2, garbage.exit(), garbage.out());
    assertTrue(garbage.err().contains("--simulated-latency (CROSSLIST_SIMULATED_LATENCY"), garbage.err());

    CliRun good = run("worker", "--jdbc-url", url, "--simulated-latency", "50ms", "--simulated-failure-rate", "0.1",
        "--no-recurring", "--stop-after", "PT0S");
    assertEquals(0, good.exit(), good.out() + good.err());
  }
}
