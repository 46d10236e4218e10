package io.crosslist.adapter.scheduler;

import io.crosslist.application.job.port.in.RunJobUseCase.HandledAttempt;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The jobs of one tenant that a {@link JobWorkerPool} started together, whose successes are stored together:
 * when the last handler of the group ends, or {@code finishDelay} after the first success was held, whichever
 * comes first. Any other outcome is stored at once.
 */
final class FinishGroup {

  /** An attempt whose handler ended. */
  record Handled(ClaimedJob job, HandledAttempt attempt) {}

  /**
   * What the finish groups of one worker share.
   *
   * @param finishDelay the longest a success is held (0: stored at once)
   * @param timers runs the delay's timer (the worker's housekeeping thread)
   * @param handlers runs the delayed store, so that the timer's thread never waits for the database
   * @param holding the groups holding successes, which the worker's shutdown stores before it gives jobs back
   * @param store stores the outcomes of attempts of one group, then frees their room
   */
  record Context(Duration finishDelay, ScheduledExecutorService timers, Executor handlers, Set<FinishGroup> holding,
      Consumer<List<Handled>> store) {
    Context {
      Objects.requireNonNull(finishDelay, "finishDelay");
      Objects.requireNonNull(timers, "timers");
      Objects.requireNonNull(handlers, "handlers");
      Objects.requireNonNull(holding, "holding");
      Objects.requireNonNull(store, "store");
    }
  }

  private final Context context;
  private int running;
  private final List<Handled> held = new ArrayList<>();
  private ScheduledFuture<?> timer;

  FinishGroup(Context context, int size) {
    this.context = context;
    this.running = size;
  }

  /**
   * A handler of the group ended ({@code handled} null: with nothing to store). Returns what to store now,
   * possibly nothing; the rest is held for the group.
   */
  synchronized List<Handled> ended(Handled handled) {
    running--;
    if (handled != null) {
      held.add(handled);
      context.holding().add(this);
    }
    boolean now = running == 0 || (handled != null && !handled.attempt().succeeded())
        || context.finishDelay().isZero();
    if (now) {
      return takeHeld();
    }
    if (handled != null && timer == null) {
      try {
        // the store itself runs on a handler thread, so that the heartbeats on housekeeping never wait for it
        timer = context.timers().schedule(this::storeHeldOnHandlerThread, context.finishDelay().toNanos(),
            TimeUnit.NANOSECONDS);
      } catch (RuntimeException e) { // rejected: shutting down, which stores what is held
        return takeHeld();
      }
    }
    return List.of();
  }

  synchronized List<Handled> takeHeld() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    List<Handled> taken = List.copyOf(held);
    held.clear();
    context.holding().remove(this);
    return taken;
  }

  void storeHeld() {
    context.store().accept(takeHeld());
  }

  private void storeHeldOnHandlerThread() {
    try {
      context.handlers().execute(this::storeHeld);
    } catch (RuntimeException e) { // rejected: shutting down, which stores what is held; or store it here
      storeHeld();
    }
  }
}
