package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.RunJobUseCase.HandledAttempt;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobHandler.JobContext;
import io.crosslist.domain.job.JobHandler.JobOutcome;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one attempt of a started job: finds the job's handler, gives it a {@link JobContext} whose progress and
 * cancellation go through a {@link RunningAttempt}, and turns what the handler did into an outcome (a throw is a
 * retryable failure; a job cancelled before its handler began, or one with no handler, never runs). Stores
 * nothing but progress: the outcome is {@link OutcomeRecorder}'s.
 */
final class AttemptRunner {
  private final MarketplaceJobRepository jobs;
  private final JobHandlers handlers;
  private final JobRunSettings settings;
  private final Clock clock;

  AttemptRunner(MarketplaceJobRepository jobs, JobHandlers handlers, JobRunSettings settings, Clock clock) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  HandledAttempt attempt(ClaimedJob claimed) {
    Objects.requireNonNull(claimed, "claimed");
    MarketplaceJob job = claimed.job();
    if (job.status() != JobStatus.RUNNING) {
      throw new IllegalArgumentException("job " + job.id() + " is " + job.status() + ", not RUNNING");
    }
    RunningAttempt attempt = new RunningAttempt(claimed, jobs, settings, clock);
    long began = System.nanoTime();
    JobOutcome outcome;
    Throwable thrown = null;
    Optional<JobHandler> handler = handlers.find(job.marketplace(), job.action());
    if (job.cancelRequested()) {
      outcome = JobOutcome.cancelled(); // cancelled after the lease, before the handler began: it never begins
    } else if (handler.isEmpty()) {
      outcome = JobOutcome.permanentFailure("no handler is registered for " + job.marketplace() + " " + job.action());
    } else {
      try {
        outcome = Objects.requireNonNull(handler.get().handle(
            new JobContext(claimed.tenant(), job, attempt::report, attempt::isCancelled)), "the handler's outcome");
      } catch (RuntimeException | Error e) {
        if (e instanceof Error && !(e instanceof AssertionError) && !(e instanceof StackOverflowError)) {
          throw e; // OutOfMemoryError and the like: the lease will expire and the job be rescued
        }
        thrown = e;
        outcome = JobOutcome.retryableFailure(describe(e));
      }
    }
    return new HandledAttempt(claimed, outcome, thrown, attempt.lastReported(),
        Duration.ofNanos(System.nanoTime() - began));
  }

  /** A throwable as a job's error text: its message, else its class's simple name. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
