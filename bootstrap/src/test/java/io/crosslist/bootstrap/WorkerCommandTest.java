package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worker's recurring-task options: bad values are named with their rule before anything starts. */
class WorkerCommandTest {

  @Test
  void an_unknown_task_is_named_with_the_known_ones() {
    CliRun result = run("worker", "--recurring", "newsletter=PT1M", "--stop-after", "PT0S");
    assertEquals(2, result.exit(), result.out());
    assertTrue(result.err().contains("--recurring newsletter: no recurring task has that name; known: ["),
        result.err());
    assertFalse(result.err().contains("\tat "), "no stack trace");
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
  void a_task_parameter_out_of_range_is_named_by_its_option() {
    CliRun result = run("worker", "--job-retention", "PT1M", "--keep-alive-failures", "0", "--stop-after", "PT0S");
    assertEquals(2, result.exit(), result.out());
    assertTrue(result.err().contains("--job-retention") && result.err().contains("at least 1 hour"), result.err());
    assertTrue(result.err().contains("--keep-alive-failures") && result.err().contains("between 1 and 100"),
        result.err());
  }
}
