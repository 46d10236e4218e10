package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.schedule.TickLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The cluster-wide ticks on real PostgreSQL: many instances asking at once, downtime, dead runners. */
class TickLedgerTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private final TickLedger ledger = Persistence.get().injector.getInstance(TickLedger.class);

  @Test
  void of_eight_instances_asking_at_once_exactly_one_runs_the_tick() throws Exception {
    String task = "task-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Boolean>> asks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String instance = "instance-" + i;
      asks.add(() -> {
        go.await();
        return ledger.tryStart(task, instance, HOUR, HOUR);
      });
    }
    List<Future<Boolean>> answers = new ArrayList<>();
    for (Callable<Boolean> ask : asks) {
      answers.add(pool.submit(ask));
    }
    go.countDown();
    int winners = 0;
    for (Future<Boolean> answer : answers) {
      winners += answer.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, winners);
  }

  @Test
  void a_finished_tick_is_not_run_again_before_its_interval() {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "a", HOUR, HOUR));
    ledger.finish(task, "a");
    assertFalse(ledger.tryStart(task, "b", HOUR, HOUR));
    assertFalse(ledger.tryStart(task, "a", HOUR, HOUR));
  }

  @Test
  void after_downtime_the_missed_ticks_run_once_not_once_per_interval() throws Exception {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "a", Duration.ofMinutes(1), HOUR));
    ledger.finish(task, "a");
    setNextRun(task, "now() - interval '1 day'"); // 1,440 one-minute ticks missed while the cluster was down
    assertTrue(ledger.tryStart(task, "b", Duration.ofMinutes(1), HOUR));
    ledger.finish(task, "b");
    assertFalse(ledger.tryStart(task, "a", Duration.ofMinutes(1), HOUR), "the missed ticks collapsed into one");
  }

  @Test
  void a_tick_whose_runner_died_is_taken_over_after_its_maximum_run_time_only() throws Exception {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "dies", Duration.ofMillis(1), HOUR));
    Thread.sleep(5); // due again, but "dies" still runs it
    assertFalse(ledger.tryStart(task, "b", Duration.ofMillis(1), HOUR), "one run at a time");
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update crosslist.scheduled_ticks set running_until = now() - interval '1 second' where task = ?")) {
      ps.setString(1, task);
      assertEquals(1, ps.executeUpdate());
    }
    assertTrue(ledger.tryStart(task, "b", Duration.ofMillis(1), HOUR), "the dead runner's time is up");
  }

  @Test
  void a_shortened_interval_takes_effect_at_once_the_next_tick_moving_to_the_last_start_plus_the_new_interval()
      throws Exception {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "a", Duration.ofDays(1), HOUR));
    ledger.finish(task, "a");
    assertFalse(ledger.tryStart(task, "a", Duration.ofDays(1), HOUR), "daily: not due for a day");
    setLastStarted(task, "now() - interval '1 hour'"); // the daily tick ran an hour ago

    assertTrue(ledger.tryStart(task, "b", Duration.ofMinutes(10), HOUR),
        "every 10 minutes now: due since 50 minutes, not in 23 hours");
    ledger.finish(task, "b");
    assertTrue(query("select next_run_at between now() + interval '9 minutes' and now() + interval '10 minutes'"
        + " from crosslist.scheduled_ticks where task = ?", task), "the next tick follows the new interval");
  }

  @Test
  void a_shortened_interval_whose_next_tick_is_not_due_yet_moves_it_forward_without_running() throws Exception {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "a", Duration.ofDays(1), HOUR));
    ledger.finish(task, "a");

    assertFalse(ledger.tryStart(task, "a", Duration.ofHours(2), HOUR), "ran just now: due in 2 hours");
    assertTrue(query("select next_run_at <= last_started_at + interval '2 hours' from crosslist.scheduled_ticks"
        + " where task = ?", task), "brought forward from a day to two hours after the last start");
  }

  @Test
  void a_longer_interval_leaves_the_next_tick_where_it_is() throws Exception {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "a", Duration.ofMinutes(10), HOUR));
    ledger.finish(task, "a");

    assertFalse(ledger.tryStart(task, "a", Duration.ofDays(1), HOUR));
    assertTrue(query("select next_run_at <= now() + interval '10 minutes' from crosslist.scheduled_ticks"
        + " where task = ?", task), "the tick already set runs; the longer interval counts from it");
  }

  @Test
  void of_eight_instances_with_a_shortened_interval_asking_at_once_exactly_one_runs_the_tick() throws Exception {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "old", Duration.ofDays(1), HOUR));
    ledger.finish(task, "old");
    setLastStarted(task, "now() - interval '1 hour'");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String instance = "instance-" + i;
      answers.add(pool.submit(() -> {
        go.await();
        return ledger.tryStart(task, instance, Duration.ofMinutes(10), HOUR);
      }));
    }
    go.countDown();
    int winners = 0;
    for (Future<Boolean> answer : answers) {
      winners += answer.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, winners);
  }

  @Test
  void a_run_now_takes_the_task_whether_due_or_not_once_at_a_time_and_leaves_the_next_tick() throws Exception {
    String task = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStart(task, "a", HOUR, HOUR));
    ledger.finish(task, "a");
    String nextTick = text("select next_run_at::text from crosslist.scheduled_ticks where task = ?", task);

    assertTrue(ledger.tryStartNow(task, "now-1", HOUR), "not due, but asked to run now");
    assertFalse(ledger.tryStartNow(task, "now-2", HOUR), "one run at a time");
    assertEquals("now-1", ledger.ticks().stream().filter(t -> t.task().equals(task)).findFirst().orElseThrow()
        .runningBy());
    ledger.finish(task, "now-1");
    assertEquals(nextTick, text("select next_run_at::text from crosslist.scheduled_ticks where task = ?", task),
        "the schedule did not move");
    assertTrue(ledger.tryStartNow(task, "now-2", HOUR), "free again");
    ledger.finish(task, "now-2");

    String fresh = "task-" + UUID.randomUUID();
    assertTrue(ledger.tryStartNow(fresh, "now-1", HOUR), "a task never seen before");
    assertFalse(ledger.tryStart(fresh, "a", HOUR, HOUR), "its first tick waits for the run now");
    ledger.finish(fresh, "now-1");
    assertTrue(ledger.tryStart(fresh, "a", HOUR, HOUR), "then runs as due");
    assertFalse(ledger.tryStartNow(fresh, "now-1", HOUR), "a scheduled run holds it");
  }

  @Test
  void of_eight_instances_asked_to_run_a_task_now_at_once_exactly_one_runs_it() throws Exception {
    String task = "task-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String instance = "instance-" + i;
      answers.add(pool.submit(() -> {
        go.await();
        return ledger.tryStartNow(task, instance, HOUR);
      }));
    }
    go.countDown();
    int winners = 0;
    for (Future<Boolean> answer : answers) {
      winners += answer.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, winners);
  }

  @Test
  void bad_arguments_name_the_field() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> ledger.tryStart(" ", "a", Duration.ZERO, HOUR));
    assertTrue(e.getMessage().contains("task") && e.getMessage().contains("interval"), e.getMessage());
  }

  private static void setLastStarted(String task, String sql) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update crosslist.scheduled_ticks set last_started_at = " + sql + " where task = ?")) {
      ps.setString(1, task);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static boolean query(String sql, String task) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, task);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no row for " + task);
        return rs.getBoolean(1);
      }
    }
  }

  private static String text(String sql, String task) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, task);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no row for " + task);
        return rs.getString(1);
      }
    }
  }

  private static void setNextRun(String task, String sql) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update crosslist.scheduled_ticks set next_run_at = " + sql + " where task = ?")) {
      ps.setString(1, task);
      assertEquals(1, ps.executeUpdate());
    }
  }
}
