package io.crosslist.application.schedule;

import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase;
import io.crosslist.domain.schedule.TaskRunningException;
import io.crosslist.domain.schedule.Tick;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.domain.schedule.UnknownTaskException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recurring tasks' in-ports over the shared {@link TickLedger}: the ledger decides who runs a tick or a run
 * now; this runs it and logs the summary. Task names follow {@link RecurringTask#NAME_RULE} and are unique: a
 * host task named like a built-in one, or two host tasks with one name, are refused here, at start.
 */
public final class RecurringTaskService implements RunRecurringTaskUseCase, RunTaskNowUseCase,
    ListRecurringTasksUseCase {
  /** After this long a run now is presumed dead (its process stopped) and a tick may take the task over. */
  public static final Duration RUN_NOW_MAX_RUN = Duration.ofHours(1);
  private static final Logger LOG = System.getLogger(RecurringTaskService.class.getName());
  private final TickLedger ledger;
  private final Map<String, RecurringTask> tasks = new LinkedHashMap<>();
  /** The interval this process's scheduler asks each task's ticks with, as it last asked. */
  private final Map<String, Duration> scheduled = new ConcurrentHashMap<>();

  /**
   * @throws IllegalArgumentException when a name breaks the rule or two tasks share one (the message names them)
   */
  public RecurringTaskService(TickLedger ledger, List<RecurringTask> tasks) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    for (RecurringTask task : tasks) {
      if (!RecurringTask.isValidName(task.name())) {
        throw new IllegalArgumentException("recurring task name '" + task.name() + "': " + RecurringTask.NAME_RULE);
      }
      if (this.tasks.putIfAbsent(task.name(), task) != null) {
        throw new IllegalArgumentException("two recurring tasks are named " + task.name() + ": every task, built-in"
            + " or the host's, needs a name of its own (registered: " + String.join(", ", this.tasks.keySet()) + ")");
      }
    }
  }

  @Override
  public Set<String> tasks() {
    return Collections.unmodifiableSet(tasks.keySet());
  }

  @Override
  public Map<String, Duration> defaultIntervals() {
    Map<String, Duration> intervals = new LinkedHashMap<>();
    tasks.forEach((name, task) -> intervals.put(name, task.defaultInterval()));
    return Collections.unmodifiableMap(intervals);
  }

  @Override
  public Optional<RunSummary> runIfDue(String name, String instance, Duration interval, Duration maxRun) {
    RecurringTask task = task(name);
    scheduled.put(name, interval);
    if (!ledger.tryStart(name, instance, interval, maxRun)) {
      return Optional.empty();
    }
    try {
      RunSummary summary = task.run(TenantScope.ALL);
      LOG.log(summary.failed() > 0 ? Level.WARNING : Level.INFO, "recurring task {0}", summary);
      return Optional.of(summary);
    } finally {
      ledger.finish(name, instance);
    }
  }

  @Override
  public RunSummary runNow(RunTaskNowCommand command) {
    RecurringTask task = task(command.task());
    if (!ledger.tryStartNow(task.name(), command.instance(), RUN_NOW_MAX_RUN)) {
      Optional<Tick> holder = ledger.ticks().stream().filter(t -> t.task().equals(task.name())).findFirst();
      throw new TaskRunningException(task.name(), holder.map(Tick::runningBy).orElse(null),
          holder.map(Tick::runningUntil).orElse(null));
    }
    try {
      RunSummary summary = task.run(command.scope());
      LOG.log(summary.failed() > 0 ? Level.WARNING : Level.INFO, "recurring task {0}, run now by {1} over {2}: {3}",
          task.name(), command.instance(), command.scope(), summary);
      return summary;
    } finally {
      ledger.finish(task.name(), command.instance());
    }
  }

  @Override
  public List<RecurringTaskView> list() {
    Map<String, Tick> ticks = ledger.ticks().stream().filter(t -> tasks.containsKey(t.task()))
        .collect(Collectors.toMap(Tick::task, Function.identity()));
    List<RecurringTaskView> views = new ArrayList<>();
    for (RecurringTask task : tasks.values()) {
      Optional<Tick> tick = Optional.ofNullable(ticks.get(task.name()));
      views.add(new RecurringTaskView(task.name(), task.defaultInterval(), scheduled.get(task.name()),
          tick.map(Tick::nextRunAt).orElse(null), tick.map(Tick::runningBy).orElse(null),
          tick.map(Tick::lastStartedAt).orElse(null), tick.map(Tick::lastFinishedAt).orElse(null)));
    }
    return views;
  }

  private RecurringTask task(String name) {
    RecurringTask task = name == null ? null : tasks.get(name);
    if (task == null) {
      throw new UnknownTaskException(name, tasks.keySet());
    }
    return task;
  }
}
