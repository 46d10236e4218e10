package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler.JobOutcome;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * In-port: runs one attempt of a claimed job: calls its handler outside any transaction, persists
 * its progress, lets it see cancellation, and stores how the attempt ended (with the error log and
 * the daily statistics).
 *
 * <p>Running and storing are two calls, so that a worker can store the successes of several attempts of
 * one tenant together ({@link #finish}): one statement instead of one per job. {@link #run} is both for one
 * attempt.
 *
 * <pre>{@code
 * HandledAttempt a = jobs.attempt(claimedA);   // on handler threads, in parallel
 * HandledAttempt b = jobs.attempt(claimedB);
 * List<JobRunResult> results = jobs.finish(List.of(a, b)); // a and b of one tenant: one statement
 * }</pre>
 */
public interface RunJobUseCase {

  /** Runs the attempt to its end and stores how it ended; never throws for a handler's failure (that is the job's outcome). */
  default JobRunResult run(ClaimedJob job) {
    return finish(List.of(attempt(job))).get(0);
  }

  /**
   * Runs the job's handler to its end, with its progress persisted as it goes and its cancellation signal;
   * stores nothing of how it ended (that is {@link #finish}). Never throws for a handler's failure.
   */
  HandledAttempt attempt(ClaimedJob job);

  /**
   * Stores how the attempts ended: the successes of each tenant together in one step, every other outcome
   * (retry, failure, cancellation) on its own with the error log. An attempt whose job moved on meanwhile
   * (its lease expired and it was rescued) stores nothing.
   *
   * @return one result per attempt, in the order given
   */
  List<JobRunResult> finish(List<HandledAttempt> attempts);

  /**
   * An attempt whose handler has ended, its outcome not stored yet.
   *
   * @param job the claimed job, as it was when the attempt started
   * @param outcome what the handler returned (a handler that threw: a retryable failure)
   * @param thrown what the handler threw, or null
   * @param lastReported the handler's last progress report (the throttle may not have stored it), or null
   * @param handlerTime how long the handler ran
   */
  record HandledAttempt(ClaimedJob job, JobOutcome outcome, Throwable thrown, JobProgress lastReported,
      Duration handlerTime) {
    public HandledAttempt {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(handlerTime, "handlerTime");
    }

    /** Whether the handler succeeded (its job completes unless it moved on). */
    public boolean succeeded() {
      return outcome instanceof JobOutcome.Success;
    }
  }

  /**
   * How an attempt ended.
   *
   * @param status the job's status after the attempt: COMPLETED, FAILED, CANCELLED, or PENDING (to be
   *     retried); null when the job was taken away meanwhile (its lease expired and it was rescued)
   * @param handlerTime how long the handler ran
   */
  record JobRunResult(TenantId tenant, JobId job, Marketplace marketplace, JobAction action, JobStatus status,
      Duration handlerTime) {

    /** Whether this worker lost the job before it could store the outcome. */
    public boolean lost() {
      return status == null;
    }
  }
}
