package io.crosslist.adapter.http;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase.RecurringTaskView;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase.RunTaskNowCommand;
import io.crosslist.domain.tenant.TenantId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/tasks...}: the recurring tasks (built-in and the host's) with their schedule, and a run now of one,
 * for every tenant it concerns or selected ones. The run happens in the request: the answer is its summary. The
 * admin filter guards these routes.
 */
final class TaskRoutes {
  /** Who runs a task now from this API, as the tick ledger shows it while it runs. */
  private static final String INSTANCE = "admin API " + ManagementFactory.getRuntimeMXBean().getName();
  private final HttpJson json;
  private final TaskPorts tasks;

  TaskRoutes(HttpJson json, TaskPorts tasks) {
    this.json = json;
    this.tasks = tasks;
  }

  void register(RouteTable routes) {
    routes.add(HandlerType.GET, "/admin/tasks", ctx -> json.respond(ctx, Map.of("items",
        tasks.list().list().stream().map(TaskView::of).toList())));
    routes.add(HandlerType.POST, "/admin/tasks/{name}/runs", this::run);
  }

  /** The body of POST /admin/tasks/{name}/runs, optional: without tenants, every tenant the task concerns. */
  record TaskRunBody(List<TenantId> tenants) {}

  /** A recurring task as the API shows it; intervals are ISO-8601 durations. */
  record TaskView(String name, String defaultInterval, String interval, Instant nextRunAt, String runningBy,
      Instant lastStartedAt, Instant lastFinishedAt) {
    static TaskView of(RecurringTaskView t) {
      return new TaskView(t.name(), t.defaultInterval().toString(), t.interval() == null ? null
          : t.interval().toString(), t.nextRunAt(), t.runningBy(), t.lastStartedAt(), t.lastFinishedAt());
    }
  }

  /** What a run did: tenants processed, failed (the first ones named with their causes) and skipped. */
  record TaskRunView(String task, int processed, int failed, int skipped, long itemsChanged, long durationMillis,
      List<FleetRoutes.FailureView> failures) {
    static TaskRunView of(RunSummary s) {
      return new TaskRunView(s.task(), s.processed(), s.failed(), s.skipped(), s.itemsChanged(),
          s.duration().toMillis(), s.failures().stream().map(FleetRoutes.FailureView::of).toList());
    }
  }

  private void run(Context ctx) throws IOException {
    TaskRunBody body = ctx.body().isBlank() ? new TaskRunBody(null) : json.read(ctx, TaskRunBody.class);
    TenantScope scope = body.tenants() == null ? TenantScope.ALL : TenantScope.only(body.tenants());
    RunSummary summary = tasks.runNow().runNow(new RunTaskNowCommand(ctx.pathParam("name"), scope, INSTANCE));
    json.respond(ctx, TaskRunView.of(summary));
  }
}
