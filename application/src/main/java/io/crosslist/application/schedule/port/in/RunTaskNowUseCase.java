package io.crosslist.application.schedule.port.in;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.domain.Violations;
import java.util.Objects;

/**
 * In-port: runs a recurring task now, on the caller's thread, whether its tick is due or not (operators: after a
 * fix, for a few tenants, to check a new task). Cluster-safe: the run holds the task in the shared tick ledger
 * as a tick does, so however many instances are asked at once it runs once, and never beside a tick of it. The
 * schedule does not move.
 */
public interface RunTaskNowUseCase {

  /**
   * @param task the task's name
   * @param scope every tenant the task concerns, or a selection (only those the task concerns are worked on)
   * @param instance who runs it, as the tick ledger shows it while it runs (e.g. {@code tasks run 4242@host}); 1 to
   *     200 characters
   */
  record RunTaskNowCommand(String task, TenantScope scope, String instance) {
    public RunTaskNowCommand {
      Violations v = new Violations();
      v.require(task != null, "task", "is required");
      v.require(instance != null && !instance.isBlank() && instance.length() <= 200, "instance",
          "must be 1 to 200 characters");
      v.throwIfAny();
      Objects.requireNonNull(scope, "scope");
    }
  }

  /**
   * Runs the task and returns its summary (tenants that failed are in it; the others went on).
   *
   * @throws io.crosslist.domain.schedule.UnknownTaskException when no task has that name (nothing ran)
   * @throws io.crosslist.domain.schedule.TaskRunningException when a run of it holds it, here or on another
   *     instance (nothing ran)
   */
  RunSummary runNow(RunTaskNowCommand command);
}
