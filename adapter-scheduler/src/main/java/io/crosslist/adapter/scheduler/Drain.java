package io.crosslist.adapter.scheduler;

import io.crosslist.application.job.port.in.ReleaseJobUseCase;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a {@link JobWorkerPool}'s shutdown once it stopped claiming: waits up to {@code shutdownTimeout}
 * for running handlers, stores the successes held for their groups, gives back the jobs of the handlers still
 * running (said once in the log) and of those still waiting for one, interrupts them, and at last ends every lease
 * the worker still holds, so that none is left behind.
 */
final class Drain {
  /** The pool's logger: a worker's lines stay under one name. */
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerPool.class);
  private final WorkerSettings settings;
  private final ReleaseJobUseCase release;
  private final ExecutorService handlers;
  private final HeldJobs held;
  private final Set<FinishGroup> holding;
  private final HandlerDispatch dispatch;

  Drain(WorkerSettings settings, ReleaseJobUseCase release, ExecutorService handlers, HeldJobs held,
      Set<FinishGroup> holding, HandlerDispatch dispatch) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.release = Objects.requireNonNull(release, "release");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.held = Objects.requireNonNull(held, "held");
    this.holding = Objects.requireNonNull(holding, "holding");
    this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
  }

  /** Waits for the dispatcher to stop, then up to {@code shutdownTimeout} for the handlers to end. */
  void awaitHandlers(Thread dispatcher) {
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(30));
      handlers.shutdown();
      int waitingFor = held.size();
      LOG.info("worker {} stopping: waiting up to {} for {} running job(s)", settings.workerId(),
          settings.shutdownTimeout(), waitingFor);
      handlers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stores the successes held for their groups, then gives back everything still held and interrupts its handlers;
   * returns how many jobs it gave back.
   */
  int giveBackTheRest() {
    for (FinishGroup group : holding) { // successes held for their group: stored, not given back
      group.storeHeld();
    }
    int released = 0;
    List<String> outlived = new ArrayList<>();
    for (Map.Entry<Object, Future<?>> entry : held.tasks().entrySet()) {
      if (entry.getKey() instanceof LeaseGroup group) {
        entry.getValue().cancel(true);
        released += dispatch.giveBack(group);
        continue;
      }
      ClaimedJob job = (ClaimedJob) entry.getKey();
      boolean running = held.isHandling(job); // else claimed ahead, and its handler never began
      // given back first, so that the handler's outcome after the interrupt is dropped, not stored
      held.markGivenBack(job);
      try {
        if (release.release(job)) {
          released++;
          if (running) {
            outlived.add("job " + job.job().id() + " of " + job.tenant());
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("worker {}: could not release job {} of {} ({}); it is given back below, or its lease expires",
            settings.workerId(), job.job().id(), job.tenant(), e.toString());
      }
      entry.getValue().cancel(true);
    }
    if (!outlived.isEmpty()) {
      LOG.warn("worker {}: {} handler(s) outlived the shutdown timeout of {} and were interrupted; their jobs were"
          + " given back, to run again without losing an attempt: {}", settings.workerId(), outlived.size(),
          settings.shutdownTimeout(), outlived.size() <= 20 ? outlived : outlived.subList(0, 20) + " and more");
    }
    handlers.shutdownNow();
    try {
      // interrupted handlers end, and tasks a handler thread took meanwhile give their jobs back; wait for them
      // (briefly: a handler that ignores interrupts is left behind) so that the report counts what they did
      handlers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (FinishGroup group : holding) { // outcomes held since: their jobs were given back, so they are dropped
      group.storeHeld();
    }
    return released;
  }

  /**
   * The last step of a stop: no lease of this worker outlives it. The entries of its last successes are removed
   * (they stay leased until the queue's next call, and nothing calls it after the dispatcher stopped), and an
   * entry still held (a release that failed, an outcome that could not be stored) is given back, so that no
   * tenant waits for a lease of a stopped worker to expire. Returns how many jobs it gave back.
   */
  int endLeases() {
    try {
      return release.endLeases(settings.workerId());
    } catch (RuntimeException e) {
      LOG.warn("worker {}: could not end its leases ({}); they expire in at most {}", settings.workerId(),
          e.toString(), settings.lease());
      return 0;
    }
  }
}
