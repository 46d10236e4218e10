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
  void bad_arguments_name_the_field() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> ledger.tryStart(" ", "a", Duration.ZERO, HOUR));
    assertTrue(e.getMessage().contains("task") && e.getMessage().contains("interval"), e.getMessage());
  }

  private static void setNextRun(String task, String sql) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update crosslist.scheduled_ticks set next_run_at = " + sql + " where task = ?")) {
      ps.setString(1, task);
      assertEquals(1, ps.executeUpdate());
    }
  }
}
