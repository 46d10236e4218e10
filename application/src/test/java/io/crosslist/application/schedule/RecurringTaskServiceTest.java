package io.crosslist.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase.RecurringTaskView;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase.RunTaskNowCommand;
import io.crosslist.domain.schedule.TaskRunningException;
import io.crosslist.domain.schedule.Tick;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.domain.schedule.UnknownTaskException;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service's own rules with an in-memory ledger (the ledger's SQL is tested on PostgreSQL in
 * adapter-persistence): unique, well-formed names; unknown names refused; a run now refused while a run holds the
 * task, and released after it, also when the task throws.
 */
class RecurringTaskServiceTest {
  private static final TenantSweep.TenantPages ONE_TENANT = (after, limit) -> after != null ? List.of()
      : List.of(TenantId.of(1));

  /** Who holds each task, as the shared table would say. */
  private static final class MemoryLedger implements TickLedger {
    final Map<String, String> running = new ConcurrentHashMap<>();

    @Override
    public boolean tryStart(String task, String instance, Duration interval, Duration maxRun) {
      return running.putIfAbsent(task, instance) == null;
    }

    @Override
    public boolean tryStartNow(String task, String instance, Duration maxRun) {
      return running.putIfAbsent(task, instance) == null;
    }

    @Override
    public void finish(String task, String instance) {
      running.remove(task, instance);
    }

    @Override
    public List<Tick> ticks() {
      List<Tick> ticks = new ArrayList<>();
      running.forEach((task, by) -> ticks.add(new Tick(task, Instant.EPOCH, by, null, Instant.EPOCH, null)));
      return ticks;
    }
  }

  private static RecurringTask task(String name, TenantSweep.TenantWork work) {
    return TenantTask.of(name, Duration.ofMinutes(7), work).toRecurringTask(ONE_TENANT, 1);
  }

  @Test
  void two_tasks_with_one_name_are_refused_naming_it() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecurringTaskService(
        new MemoryLedger(), List.of(task("job-cleanup", t -> 0), task("loyalty", t -> 0), task("job-cleanup", t -> 0))));
    assertTrue(e.getMessage().startsWith("two recurring tasks are named job-cleanup:"), e.getMessage());
    assertTrue(e.getMessage().contains("registered: job-cleanup, loyalty"), e.getMessage());
  }

  @Test
  void a_task_whose_name_breaks_the_rule_is_refused() {
    RecurringTask bad = new RecurringTask() {
      @Override
      public String name() {
        return "Job Cleanup";
      }

      @Override
      public Duration defaultInterval() {
        return Duration.ofMinutes(1);
      }

      @Override
      public RunSummary run(TenantScope scope) {
        throw new AssertionError();
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RecurringTaskService(new MemoryLedger(), List.of(bad)));
    assertEquals("recurring task name 'Job Cleanup': " + RecurringTask.NAME_RULE, e.getMessage());
  }

  @Test
  void a_run_now_runs_the_task_and_lists_its_default_interval() {
    AtomicInteger runs = new AtomicInteger();
    RecurringTaskService service = new RecurringTaskService(new MemoryLedger(), List.of(task("loyalty", t -> {
      runs.incrementAndGet();
      return 3;
    })));
    RunSummary summary = service.runNow(new RunTaskNowCommand("loyalty", TenantScope.ALL, "test"));
    assertEquals(3, summary.itemsChanged());
    assertEquals(1, runs.get());
    assertEquals(Map.of("loyalty", Duration.ofMinutes(7)), service.defaultIntervals());
    RecurringTaskView view = service.list().get(0);
    assertEquals(Duration.ofMinutes(7), view.defaultInterval());
    assertNull(view.interval(), "this process does not schedule it");
    service.runIfDue("loyalty", "test", Duration.ofMinutes(2), Duration.ofHours(1));
    assertEquals(Duration.ofMinutes(2), service.list().get(0).interval(), "now it does");
  }

  @Test
  void an_unknown_task_is_refused_with_the_known_ones_and_nothing_recorded() {
    MemoryLedger ledger = new MemoryLedger();
    RecurringTaskService service = new RecurringTaskService(ledger, List.of(task("loyalty", t -> 0)));
    UnknownTaskException e = assertThrows(UnknownTaskException.class,
        () -> service.runNow(new RunTaskNowCommand("loyality", TenantScope.ALL, "test")));
    assertEquals("no recurring task is named 'loyality'; known: [loyalty]", e.getMessage());
    assertThrows(UnknownTaskException.class, () -> service.runIfDue("x", "test", Duration.ofMinutes(1),
        Duration.ofHours(1)));
    assertTrue(ledger.running.isEmpty());
  }

  @Test
  void a_run_now_while_a_run_holds_the_task_is_refused_naming_the_holder_and_a_failed_run_releases_it() {
    MemoryLedger ledger = new MemoryLedger();
    RecurringTaskService service = new RecurringTaskService(ledger, List.of(new RecurringTask() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Duration defaultInterval() {
        return Duration.ofMinutes(1);
      }

      @Override
      public RunSummary run(TenantScope scope) {
        throw new IllegalStateException("cannot even start");
      }
    }));
    ledger.running.put("broken", "instance-2");
    TaskRunningException busy = assertThrows(TaskRunningException.class,
        () -> service.runNow(new RunTaskNowCommand("broken", TenantScope.ALL, "test")));
    assertTrue(busy.getMessage().contains("running on instance-2"), busy.getMessage());
    ledger.running.clear();

    assertThrows(IllegalStateException.class,
        () -> service.runNow(new RunTaskNowCommand("broken", TenantScope.ALL, "test")));
    assertFalse(ledger.running.containsKey("broken"), "released");
    assertEquals(Optional.empty(), Optional.ofNullable(ledger.running.get("broken")));
  }
}
