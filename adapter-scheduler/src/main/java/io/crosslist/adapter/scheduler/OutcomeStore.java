package io.crosslist.adapter.scheduler;

import io.crosslist.adapter.scheduler.FinishGroup.Handled;
import io.crosslist.application.job.port.in.RunJobUseCase;
import io.crosslist.application.job.port.in.RunJobUseCase.HandledAttempt;
import io.crosslist.application.job.port.in.RunJobUseCase.JobRunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the outcomes of the attempts of one {@link FinishGroup} of a {@link JobWorkerPool} with one call, then
 * frees their room. The outcome of a job given back at shutdown is dropped here: the job no longer belongs to this
 * attempt, and its handler ended because it was interrupted.
 */
final class OutcomeStore {
  /** The pool's logger: a worker's lines stay under one name. */
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerPool.class);
  private final String workerId;
  private final RunJobUseCase run;
  private final JobMetrics metrics;
  private final HeldJobs held;
  private final BooleanSupplier running;
  private final AtomicInteger finishedDuringShutdown = new AtomicInteger();

  OutcomeStore(String workerId, RunJobUseCase run, JobMetrics metrics, HeldJobs held, BooleanSupplier running) {
    this.workerId = Objects.requireNonNull(workerId, "workerId");
    this.run = Objects.requireNonNull(run, "run");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.held = Objects.requireNonNull(held, "held");
    this.running = Objects.requireNonNull(running, "running");
  }

  /** Attempts whose outcome was stored after the shutdown began (and that still owned their job). */
  int finishedDuringShutdown() {
    return finishedDuringShutdown.get();
  }

  void store(List<Handled> outcomes) {
    List<Handled> ended = new ArrayList<>(outcomes.size());
    for (Handled handled : outcomes) {
      if (held.isGivenBack(handled.job())) {
        held.done(handled.job());
      } else {
        ended.add(handled);
      }
    }
    if (ended.isEmpty()) {
      return;
    }
    try {
      List<HandledAttempt> attempts = new ArrayList<>(ended.size());
      for (Handled handled : ended) {
        attempts.add(handled.attempt());
      }
      for (JobRunResult result : run.finish(attempts)) {
        metrics.finished(result);
        if (!running.getAsBoolean() && !result.lost()) {
          finishedDuringShutdown.incrementAndGet();
        }
      }
    } catch (RuntimeException | Error e) {
      // a store failure: the leases expire and other attempts run (at-least-once)
      for (Handled handled : ended) {
        metrics.runFailed(handled.job());
      }
      LOG.error("worker {}: {} job(s) of {} could not be finished; their leases will expire and they will be rescued",
          workerId, ended.size(), ended.get(0).job().tenant(), e);
    } finally {
      for (Handled handled : ended) {
        held.done(handled.job());
      }
    }
  }
}
