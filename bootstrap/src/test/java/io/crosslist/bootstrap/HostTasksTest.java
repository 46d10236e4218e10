package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.ApiClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.crosslist.adapter.http.CrosslistHttpModule;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.adapter.scheduler.RecurringScheduler;
import io.crosslist.adapter.scheduler.ScheduleSettings;
import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.application.schedule.TenantSweep;
import io.crosslist.application.schedule.TenantTask;
import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase;
import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase.RecurringTaskView;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase.RunTaskNowCommand;
import io.crosslist.domain.schedule.TaskRunningException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import io.crosslist.library.CrosslistRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A host's own recurring task, registered as a host would (a Guice set binding beside {@link CrosslistModule}), on
 * real PostgreSQL: its ticks once across two instances, failure isolation, metrics, run now through the in-port
 * and the admin API (once across instances), a shortened interval taking effect at once, and names taken twice.
 */
class HostTasksTest {
  private static final Persistence db = Persistence.get();
  private static final String JSON = "Content-Type: application/json";

  /** A task name no other test uses. */
  private static String uniqueName(String prefix) {
    return prefix + "-t" + Long.toString(System.nanoTime(), 36);
  }

  /** The tenants of {@code tenants} (in id order) as a task's source, so that a run touches only this test's. */
  private static TenantSweep.TenantPages only(List<TenantId> tenants) {
    return (after, limit) -> tenants.stream().filter(t -> after == null || t.value() > after.value()).limit(limit)
        .toList();
  }

  /** A host module that adds {@code task}, as a host writes it. */
  private static Module hostTask(TenantTask task) {
    return new AbstractModule() {
      @ProvidesIntoSet
      TenantTask task() {
        return task;
      }
    };
  }

  /** An instance of the host: Crosslist's module, the HTTP in-ports and the host's task, on the shared database. */
  private static Injector instance(TenantTask task) {
    return db.injector.createChildInjector(new CrosslistModule(), new CrosslistHttpModule(), hostTask(task));
  }

  /** Holds the work of one tenant until released, so that a run is surely in progress. */
  private static final class Gate {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    void pass() throws InterruptedException {
      entered.countDown();
      assertTrue(release.await(30, TimeUnit.SECONDS), "released");
    }
  }

  @Test
  void a_host_task_ticks_once_across_two_instances_with_the_schedulers_metrics() throws Exception {
    String name = uniqueName("host-sweep");
    List<TenantId> tenants = List.of(db.newTenant(), db.newTenant(), db.newTenant());
    Map<TenantId, AtomicInteger> done = new ConcurrentHashMap<>();
    TenantTask task = TenantTask.of(name, Duration.ofHours(1), tenant -> {
      done.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
      Thread.sleep(20); // the two instances really overlap
      return 1;
    }).over(only(tenants));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ExecutorService instances = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> ran = new ArrayList<>();
    for (String instance : List.of("host-1", "host-2")) {
      Injector injector = instance(task); // each instance its own injector, as two processes; one database
      ScheduleSettings defaults = CrosslistRuntime.defaultSchedule(injector, instance);
      assertEquals(Duration.ofHours(1), defaults.intervals().get(name), "the host task's default interval");
      assertEquals(Duration.ofMinutes(10), defaults.intervals().get("job-cleanup"), "beside the built-in ones");
      RecurringScheduler scheduler = new RecurringScheduler(new ScheduleSettings(instance, Map.of(name,
          Duration.ofHours(1)), Duration.ofMillis(10), Duration.ofHours(1), Duration.ofSeconds(5)),
          injector.getInstance(RunRecurringTaskUseCase.class), registry);
      ran.add(instances.submit(() -> {
        go.await();
        int count = 0;
        for (int check = 0; check < 5; check++) {
          count += scheduler.checkAll().size();
        }
        return count;
      }));
    }
    go.countDown();
    int ticks = ran.get(0).get() + ran.get(1).get();
    instances.shutdown();

    assertEquals(1, ticks, "one tick across both instances");
    assertEquals(Set.copyOf(tenants), done.keySet());
    assertTrue(done.values().stream().allMatch(n -> n.get() == 1), "each tenant once: " + done);
    assertEquals(1, registry.get("crosslist.scheduler.runs").tag("task", name).timer().count());
    assertEquals(3.0, registry.get("crosslist.scheduler.tenants").tag("task", name).tag("result", "processed")
        .counter().count());
    assertEquals(3.0, registry.get("crosslist.scheduler.items").tag("task", name).counter().count());
  }

  @Test
  void a_host_task_failing_for_one_tenant_goes_on_with_the_others_and_names_it_in_the_summary() {
    String name = uniqueName("host-flaky");
    TenantId first = db.newTenant();
    TenantId broken = db.newTenant();
    TenantId last = db.newTenant();
    Set<TenantId> done = ConcurrentHashMap.newKeySet();
    TenantTask task = TenantTask.of(name, Duration.ofMinutes(5), tenant -> {
      if (tenant.equals(broken)) {
        throw new IllegalStateException("the loyalty table of " + tenant.value() + " is locked");
      }
      done.add(tenant);
      return 2;
    }).over(only(List.of(first, broken, last)));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RecurringScheduler scheduler = new RecurringScheduler(new ScheduleSettings("host-1", Map.of(name,
        Duration.ofMinutes(5)), Duration.ofMillis(10), Duration.ofHours(1), Duration.ofSeconds(5)),
        instance(task).getInstance(RunRecurringTaskUseCase.class), registry);

    RunSummary summary = scheduler.checkAll().get(name);

    assertEquals(Set.of(first, last), done);
    assertEquals(2, summary.processed());
    assertEquals(1, summary.failed());
    assertEquals(List.of(broken), summary.failedTenants());
    assertEquals("the loyalty table of " + broken.value() + " is locked", summary.failures().get(0).cause());
    assertEquals(4, summary.itemsChanged());
    assertEquals(1.0, registry.get("crosslist.scheduler.tenants").tag("task", name).tag("result", "failed").counter()
        .count());
  }

  @Test
  void a_run_now_runs_once_across_instances_is_refused_while_another_holds_it_and_can_select_tenants()
      throws Exception {
    String name = uniqueName("host-now");
    List<TenantId> tenants = List.of(db.newTenant(), db.newTenant(), db.newTenant());
    Gate gate = new Gate();
    AtomicInteger works = new AtomicInteger();
    TenantTask task = TenantTask.of(name, Duration.ofDays(1), tenant -> {
      works.incrementAndGet();
      if (tenant.equals(tenants.get(0)) && gate.release.getCount() > 0) {
        gate.pass();
      }
      return 1;
    }).over(only(tenants));
    Injector one = instance(task);
    Injector two = instance(task);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    Future<RunSummary> held = caller.submit(() -> one.getInstance(RunTaskNowUseCase.class).runNow(
        new RunTaskNowCommand(name, TenantScope.ALL, "instance-one")));
    assertTrue(gate.entered.await(30, TimeUnit.SECONDS), "the first run is in progress");

    TaskRunningException busy = assertThrows(TaskRunningException.class, () -> two.getInstance(
        RunTaskNowUseCase.class).runNow(new RunTaskNowCommand(name, TenantScope.ALL, "instance-two")));
    assertTrue(busy.getMessage().contains("is running on instance-one"), busy.getMessage());
    RecurringTaskView listed = two.getInstance(ListRecurringTasksUseCase.class).list().stream()
        .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    assertEquals("instance-one", listed.runningBy());
    assertEquals(Duration.ofDays(1), listed.defaultInterval());
    gate.release.countDown();
    assertEquals(3, held.get(30, TimeUnit.SECONDS).processed());
    caller.shutdown();
    assertEquals(3, works.get(), "the refused run did nothing");

    TenantId other = db.newTenant(); // not among the task's tenants
    RunSummary selected = two.getInstance(RunTaskNowUseCase.class).runNow(new RunTaskNowCommand(name,
        TenantScope.only(List.of(tenants.get(2), other)), "instance-two"));
    assertEquals(1, selected.processed());
    assertEquals(1, selected.skipped(), "a selected tenant the task does not walk is skipped");
    RecurringTaskView after = two.getInstance(ListRecurringTasksUseCase.class).list().stream()
        .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    assertEquals(null, after.runningBy());
    assertTrue(after.lastFinishedAt() != null && !after.lastFinishedAt().isBefore(after.lastStartedAt()));
  }

  @Test
  void admins_list_the_tasks_and_run_one_now_over_http() throws Exception {
    String name = uniqueName("host-http");
    TenantId fine = db.newTenant();
    TenantId broken = db.newTenant();
    Gate gate = new Gate();
    AtomicBoolean hold = new AtomicBoolean(); // the next run waits at the gate
    TenantTask task = TenantTask.of(name, Duration.ofHours(1), tenant -> {
      if (tenant.equals(broken)) {
        throw new IllegalStateException("no loyalty table");
      }
      if (hold.compareAndSet(true, false)) {
        gate.pass();
      }
      return 1;
    }).over(only(List.of(fine, broken)));
    Injector injector = instance(task);
    String admin = "Authorization: Bearer " + ApiClient.adminToken();
    try (ApiClient client = new ApiClient(injector)) {
      ApiClient.Response list = client.send("GET", "/admin/tasks", null, admin);
      assertEquals(200, list.status(), list.body());
      assertTrue(list.body().contains("{\"name\":\"job-cleanup\",\"defaultInterval\":\"PT10M\""), list.body());
      assertTrue(list.body().contains("{\"name\":\"" + name + "\",\"defaultInterval\":\"PT1H\",\"interval\":null"),
          list.body());

      ApiClient.Response one = client.send("POST", "/admin/tasks/" + name + "/runs", "{\"tenants\": ["
          + fine.value() + "]}", admin, JSON);
      assertEquals(200, one.status(), one.body());
      assertTrue(one.body().startsWith("{\"task\":\"" + name + "\",\"processed\":1,\"failed\":0,\"skipped\":0,"
          + "\"itemsChanged\":1,"), one.body());

      ApiClient.Response all = client.send("POST", "/admin/tasks/" + name + "/runs", null, admin);
      assertEquals(200, all.status(), all.body());
      assertTrue(all.body().contains("\"processed\":1,\"failed\":1,") && all.body().contains(
          "\"failures\":[{\"tenant\":" + broken.value() + ",\"cause\":\"no loyalty table\"}]"), all.body());

      ApiClient.Response unknown = client.send("POST", "/admin/tasks/newsletter/runs", null, admin);
      assertProblem(unknown, 404, "not-found");
      assertTrue(unknown.body().contains("no recurring task is named 'newsletter'; known: [job-cleanup,"),
          unknown.body());
      assertProblem(client.send("POST", "/admin/tasks/" + name + "/runs", "{\"tenants\": []}", admin, JSON), 422,
          "validation");
      assertProblem(client.send("POST", "/admin/tasks/" + name + "/runs", "{\"tenants\": [\"042\"]}", admin, JSON),
          422, "validation");
      assertProblem(client.send("POST", "/admin/tasks/" + name + "/runs", null, "Authorization: Bearer "
          + ApiClient.token(fine.value())), 403, "forbidden");
      assertProblem(client.send("GET", "/admin/tasks", null), 401, "unauthorized");

      // a run holding the task (here another instance's run now): the API refuses, nothing runs twice
      hold.set(true);
      ExecutorService caller = Executors.newSingleThreadExecutor();
      Future<RunSummary> held = caller.submit(() -> instance(task).getInstance(RunTaskNowUseCase.class).runNow(
          new RunTaskNowCommand(name, TenantScope.ALL, "instance-two")));
      assertTrue(gate.entered.await(30, TimeUnit.SECONDS));
      ApiClient.Response busy = client.send("POST", "/admin/tasks/" + name + "/runs", null, admin);
      assertProblem(busy, 409, "task-running");
      assertTrue(busy.body().contains("running on instance-two"), busy.body());
      gate.release.countDown();
      held.get(30, TimeUnit.SECONDS);
      caller.shutdown();
    }
  }

  @Test
  void a_shortened_interval_takes_effect_at_once_not_after_the_next_tick_already_stored() throws Exception {
    String name = uniqueName("host-interval");
    AtomicInteger runs = new AtomicInteger();
    TenantId tenant = db.newTenant();
    TenantTask task = TenantTask.of(name, Duration.ofDays(1), t -> runs.incrementAndGet()).over(only(List.of(tenant)));
    RunRecurringTaskUseCase tasks = instance(task).getInstance(RunRecurringTaskUseCase.class);
    RecurringScheduler daily = scheduler(name, Duration.ofDays(1), tasks);
    assertEquals(Set.of(name), daily.checkAll().keySet(), "the first tick");
    assertTrue(daily.checkAll().isEmpty(), "then not before a day");

    // the daily tick ran an hour ago (its next one stored for 23 hours from now); restarted with every 10 minutes
    setTick(name, "last_started_at = now() - interval '1 hour', next_run_at = now() + interval '23 hours'");
    RecurringScheduler everyTenMinutes = scheduler(name, Duration.ofMinutes(10), tasks);
    assertEquals(Set.of(name), everyTenMinutes.checkAll().keySet(), "due since 50 minutes under the new interval");
    assertTrue(everyTenMinutes.checkAll().isEmpty());
    assertEquals(2, runs.get());
    Instant next = instance(task).getInstance(ListRecurringTasksUseCase.class).list().stream()
        .filter(t -> t.name().equals(name)).findFirst().orElseThrow().nextRunAt();
    assertTrue(next.isBefore(Instant.now().plus(Duration.ofMinutes(11))), "next tick in 10 minutes: " + next);
  }

  private static RecurringScheduler scheduler(String task, Duration interval, RunRecurringTaskUseCase tasks) {
    return new RecurringScheduler(new ScheduleSettings("host-1", Map.of(task, interval), Duration.ofMillis(10),
        Duration.ofHours(1), Duration.ofSeconds(5)), tasks, new SimpleMeterRegistry());
  }

  private static void setTick(String task, String assignments) throws Exception {
    try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
        "update crosslist.scheduled_ticks set " + assignments + " where task = ?")) {
      ps.setString(1, task);
      assertEquals(1, ps.executeUpdate());
    }
  }

  @Test
  void a_host_task_named_like_a_built_in_one_or_another_host_task_stops_the_injector_naming_it() {
    CreationException builtIn = assertThrows(CreationException.class, () -> db.injector.createChildInjector(
        new CrosslistModule(), hostTask(TenantTask.of("job-cleanup", Duration.ofHours(1), t -> 0))));
    assertTrue(builtIn.getMessage().contains("two recurring tasks are named job-cleanup"), builtIn.getMessage());

    String name = uniqueName("host-twice");
    CreationException twice = assertThrows(CreationException.class, () -> db.injector.createChildInjector(
        new CrosslistModule(), new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder<TenantTask> tasks = Multibinder.newSetBinder(binder(), TenantTask.class);
            tasks.addBinding().toInstance(TenantTask.of(name, Duration.ofHours(1), t -> 0));
            tasks.addBinding().toInstance(TenantTask.of(name, Duration.ofMinutes(5), t -> 1));
          }
        }));
    assertTrue(twice.getMessage().contains("two recurring tasks are named " + name), twice.getMessage());
  }
}
