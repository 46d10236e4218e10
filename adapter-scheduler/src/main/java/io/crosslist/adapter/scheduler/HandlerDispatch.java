package io.crosslist.adapter.scheduler;

import io.crosslist.adapter.scheduler.FinishGroup.Handled;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler threads' side of a {@link JobWorkerPool}: starts each tenant's leased jobs with one call, hands each
 * started job to a handler, and gives each handled attempt to its {@link FinishGroup}, which decides when the
 * {@link OutcomeStore} stores it. Jobs leased or claimed ahead whose handler had not begun when the shutdown began
 * are given back unstarted.
 */
final class HandlerDispatch {
  /** The pool's logger: a worker's lines stay under one name. */
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerPool.class);
  private final WorkerSettings settings;
  private final JobWorkerPool.Ports ports;
  private final JobMetrics metrics;
  private final ExecutorService handlers;
  private final HeldJobs held;
  private final FinishGroup.Context finishing;
  private final OutcomeStore outcomes;
  private final BooleanSupplier running;
  private final AtomicInteger releasedUnstarted = new AtomicInteger();

  HandlerDispatch(WorkerSettings settings, JobWorkerPool.Ports ports, JobMetrics metrics, ExecutorService handlers,
      HeldJobs held, FinishGroup.Context finishing, OutcomeStore outcomes, BooleanSupplier running) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.held = Objects.requireNonNull(held, "held");
    this.finishing = Objects.requireNonNull(finishing, "finishing");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    this.running = Objects.requireNonNull(running, "running");
  }

  /** Jobs given back because the shutdown began before they were started or before their handler began. */
  int releasedUnstarted() {
    return releasedUnstarted.get();
  }

  /** Takes room for the group's jobs (waiting for it), then starts them on a handler thread. */
  void submit(LeaseGroup group) throws InterruptedException {
    held.take(group.leases().size());
    try {
      held.submit(group, () -> handlers.submit(() -> start(group)));
    } catch (RuntimeException e) { // rejected: shutting down
      held.remove(group);
      giveBack(group);
      held.giveBackRoom(group.leases().size());
    }
  }

  /** On a handler thread: starts one tenant's leased jobs, then hands each started one to a handler. */
  private void start(LeaseGroup group) {
    List<ClaimedJob> started = List.of();
    try {
      if (!running.getAsBoolean()) { // leased ahead, and shutdown began first: give them back unstarted
        releasedUnstarted.addAndGet(giveBack(group));
        return;
      }
      started = ports.claim().start(settings.workerId(), group.tenant(), group.leases());
      metrics.started(started);
    } catch (RuntimeException e) {
      metrics.claimFailed();
      LOG.warn("worker {}: starting {} job(s) of {} failed; their leases will expire and they will run later: {}",
          settings.workerId(), group.leases().size(), group.tenant(), e.toString());
    } finally {
      FinishGroup finish = new FinishGroup(finishing, started.size());
      for (ClaimedJob job : started) {
        runLater(job, finish); // each started job keeps its room until its outcome is stored
      }
      held.remove(group); // after the started jobs are registered, so that a shutdown always sees them
      int notStarted = group.leases().size() - started.size();
      if (notStarted > 0) {
        held.free(notStarted);
      }
    }
  }

  /** Gives back leases that were not started; returns how many were still held. */
  int giveBack(LeaseGroup group) {
    int given = 0;
    for (Lease lease : group.leases()) {
      try {
        given += ports.release().giveBack(settings.workerId(), lease) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warn("worker {}: could not give back job {} of {}; its lease will expire", settings.workerId(), lease.job(),
            lease.tenant(), e);
      }
    }
    return given;
  }

  private void runLater(ClaimedJob job, FinishGroup finish) {
    try {
      held.submit(job, () -> handlers.submit(() -> runOne(job, finish)));
    } catch (RuntimeException e) { // rejected: shutting down
      held.remove(job);
      try {
        if (ports.release().release(job)) {
          releasedUnstarted.incrementAndGet();
        }
      } catch (RuntimeException re) {
        LOG.warn("worker {}: could not release job {} of {}; its lease will expire and it will be rescued",
            settings.workerId(), job.job().id(), job.tenant(), re);
      }
      outcomes.store(finish.ended(null));
      held.free(1);
    }
  }

  /** On a handler thread: runs the job's handler, then stores its outcome, or holds a success for its group. */
  private void runOne(ClaimedJob job, FinishGroup finish) {
    Handled handled = null;
    try {
      if (!running.getAsBoolean()) { // claimed ahead, and shutdown began before a handler was free: give it back
        if (ports.release().release(job)) {
          releasedUnstarted.incrementAndGet();
        }
        return;
      }
      handled = held.handle(job, () -> new Handled(job, ports.run().attempt(job)));
    } catch (RuntimeException | Error e) {
      if (!held.isGivenBack(job)) { // else it failed because shutdown interrupted it, and it was given back
        // the lease expires and another attempt runs (at-least-once)
        metrics.runFailed(job);
        LOG.error("worker {}: job {} of {} could not be run; its lease will expire and it will be rescued",
            settings.workerId(), job.job().id(), job.tenant(), e);
      }
    } finally {
      if (handled == null) {
        held.done(job);
      }
      outcomes.store(finish.ended(handled));
    }
  }
}
