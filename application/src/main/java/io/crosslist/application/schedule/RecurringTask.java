package io.crosslist.application.schedule;

/**
 * Recurring work over all tenants (cleanup, refresh-ahead, polling). {@link RecurringTaskService} runs
 * a task's ticks once across the cluster; the task only says what one run does.
 */
public interface RecurringTask {

  /** A stable name: the key of its ticks in the shared ledger and of its configuration and metrics. */
  String name();

  /** One run over all tenants concerned; one tenant's failure is counted in the summary, not thrown. */
  RunSummary run();
}
