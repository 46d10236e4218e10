package io.crosslist.adapter.http;

import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase;
import java.util.Objects;

/** The recurring-task in-ports the admin routes call: list the tasks, run one now. */
public record TaskPorts(ListRecurringTasksUseCase list, RunTaskNowUseCase runNow) {
  public TaskPorts {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(runNow, "runNow");
  }
}
