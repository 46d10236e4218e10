package io.crosslist.application.schedule;

import io.crosslist.domain.schedule.TickLedger;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import java.util.Optional;
import java.util.Set;

/** {@link RunRecurringTaskUseCase}: the shared {@link TickLedger} decides who runs a tick; this runs it and logs the summary. */
public final class RecurringTaskService implements RunRecurringTaskUseCase {
  private static final Logger LOG = System.getLogger(RecurringTaskService.class.getName());
  private final TickLedger ledger;
  private final Map<String, RecurringTask> tasks = new LinkedHashMap<>();

  public RecurringTaskService(TickLedger ledger, List<RecurringTask> tasks) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    for (RecurringTask task : tasks) {
      if (this.tasks.putIfAbsent(task.name(), task) != null) {
        throw new IllegalArgumentException("two recurring tasks are named " + task.name());
      }
    }
  }

  @Override
  public Set<String> tasks() {
    return Set.copyOf(tasks.keySet());
  }

  @Override
  public Optional<RunSummary> runIfDue(String name, String instance, Duration interval, Duration maxRun) {
    RecurringTask task = tasks.get(name);
    if (task == null) {
      throw new IllegalArgumentException("no recurring task is named " + name + "; known: " + tasks.keySet());
    }
    if (!ledger.tryStart(name, instance, interval, maxRun)) {
      return Optional.empty();
    }
    try {
      RunSummary summary = task.run();
      LOG.log(summary.failed() > 0 ? Level.WARNING : Level.INFO, "recurring task {0}", summary);
      return Optional.of(summary);
    } finally {
      ledger.finish(name, instance);
    }
  }
}
