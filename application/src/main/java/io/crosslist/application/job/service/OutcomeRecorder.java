package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.RunJobUseCase.HandledAttempt;
import io.crosslist.application.job.port.in.RunJobUseCase.JobRunResult;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.job.JobHandler.JobOutcome;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Stores the outcomes of handled attempts. The successes of one tenant are stored by the queue in one step (a
 * compare-and-set per job, with the batch counts and the statistics). Any other outcome locks the job, applies the
 * outcome to the job as stored (so that a cancellation requested meanwhile is seen; a retryable failure is retried
 * after the {@link JobRunSettings#retry() retry policy}'s backoff, or fails when attempts are exhausted) and writes
 * the error log and statistics with it. If the job moved on meanwhile, nothing is stored: the attempt no longer
 * owns the job.
 */
final class OutcomeRecorder {
  private static final Logger LOG = System.getLogger(JobExecutionService.class.getName());
  private final JobQueue queue;
  private final MarketplaceJobRepository jobs;
  private final JobJournal journal;
  private final UnitOfWork unitOfWork;
  private final JobRunSettings settings;
  private final Clock clock;
  private final RandomGenerator random;
  /**
   * Attempts given back ({@link #dropOutcomeOf}) whose handlers may still end: their successes are dropped here.
   * The success finish checks the stored row only, and a released job's row is as its attempt left it (the release
   * counts no attempt); any other lost attempt finds its row moved on (the rescue counts it).
   */
  private final Set<AttemptKey> released = ConcurrentHashMap.newKeySet();

  private record AttemptKey(TenantId tenant, JobId job, int attempt) {
    static AttemptKey of(ClaimedJob claimed) {
      return new AttemptKey(claimed.tenant(), claimed.job().id(), claimed.job().attempts());
    }
  }

  OutcomeRecorder(JobQueue queue, MarketplaceJobRepository jobs, JobJournal journal, UnitOfWork unitOfWork,
      JobRunSettings settings, Clock clock, RandomGenerator random) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The attempt of {@code claimed} was given back: a success it still reports is dropped. */
  void dropOutcomeOf(ClaimedJob claimed) {
    released.add(AttemptKey.of(claimed));
  }

  List<JobRunResult> finish(List<HandledAttempt> attempts) {
    JobStatus[] statuses = new JobStatus[attempts.size()];
    // the successes of each tenant: one statement for all of them
    Map<TenantId, List<Integer>> successes = new LinkedHashMap<>();
    for (int i = 0; i < attempts.size(); i++) {
      HandledAttempt attempt = attempts.get(i);
      if (attempt.succeeded() && released.remove(AttemptKey.of(attempt.job()))) {
        LOG.log(Level.INFO, "job {0} of {1} was given back while attempt {2} ran; its outcome is dropped",
            attempt.job().job().id(), attempt.job().tenant(), attempt.job().job().attempts());
      } else if (attempt.succeeded()) {
        successes.computeIfAbsent(attempt.job().tenant(), t -> new ArrayList<>()).add(i);
      } else {
        statuses[i] = finishOther(attempt, attempt.outcome(), attempt.thrown());
      }
    }
    successes.forEach((tenant, indexes) -> complete(tenant, indexes, attempts, statuses));
    List<JobRunResult> results = new ArrayList<>(attempts.size());
    for (int i = 0; i < attempts.size(); i++) {
      MarketplaceJob job = attempts.get(i).job().job();
      results.add(new JobRunResult(attempts.get(i).job().tenant(), job.id(), job.marketplace(), job.action(),
          statuses[i], attempts.get(i).handlerTime()));
    }
    return results;
  }

  /**
   * Stores the successes at {@code indexes}, all of one tenant, in one step. A success completes whatever was
   * asked meanwhile, so it needs no fresh read: the queue's compare-and-set alone tells whether each attempt
   * still owns its job. When the step fails (e.g. a result that is not valid JSON), each is stored on its own,
   * so that one bad result fails only its job.
   */
  private void complete(TenantId tenant, List<Integer> indexes, List<HandledAttempt> attempts, JobStatus[] statuses) {
    List<JobQueue.Completion> completions = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      HandledAttempt attempt = attempts.get(i);
      Instant now = clock.instant();
      MarketplaceJob next = withProgress(attempt.job().job(), attempt.lastReported(), now)
          .complete(((JobOutcome.Success) attempt.outcome()).resultJson(), now);
      completions.add(new JobQueue.Completion(next, attempt.handlerTime()));
    }
    Set<JobId> stored;
    try {
      stored = queue.complete(tenant, completions);
    } catch (RuntimeException e) {
      if (indexes.size() > 1) {
        for (int i : indexes) {
          complete(tenant, List.of(i), attempts, statuses);
        }
        return;
      }
      // e.g. a result that is not valid JSON: the job cannot complete with it, and retrying will not help
      HandledAttempt attempt = attempts.get(indexes.get(0));
      LOG.log(Level.WARNING, "could not store the result of job " + attempt.job().job().id() + " of " + tenant, e);
      statuses[indexes.get(0)] = finishOther(attempt, JobOutcome.permanentFailure(
          "the handler's result could not be stored: " + AttemptRunner.describe(e)), e);
      return;
    }
    for (int i : indexes) {
      MarketplaceJob job = attempts.get(i).job().job();
      if (stored.contains(job.id())) {
        statuses[i] = JobStatus.COMPLETED;
      } else {
        LOG.log(Level.INFO, "job {0} of {1} moved on while attempt {2} ran; its outcome is dropped", job.id(),
            tenant, job.attempts());
      }
    }
  }

  /**
   * Stores an outcome other than a success: locks and reads the job as stored (so that a cancellation
   * requested meanwhile is seen), applies the outcome, and writes the error log and statistics with it, in one
   * transaction. Returns the job's new status, or null if the job moved on.
   */
  private JobStatus finishOther(HandledAttempt attempt, JobOutcome outcome, Throwable thrown) {
    TenantId tenant = attempt.job().tenant();
    MarketplaceJob claimed = attempt.job().job();
    Duration handlerTime = attempt.handlerTime();
    return unitOfWork.inTransaction(tenant, () -> {
      Optional<MarketplaceJob> stored = jobs.findForUpdate(tenant, claimed.id());
      if (stored.isEmpty() || !RunningAttempt.ownedBy(claimed, stored.get())) {
        LOG.log(Level.INFO, "job {0} of {1} moved on while attempt {2} ran; its outcome is dropped", claimed.id(),
            tenant, claimed.attempts());
        return null;
      }
      MarketplaceJob current = stored.get();
      Instant now = clock.instant();
      MarketplaceJob base = withProgress(current, attempt.lastReported(), now);
      MarketplaceJob next;
      String error = null;
      if (outcome instanceof JobOutcome.Cancelled) {
        next = base.cancelled(now);
      } else if (outcome instanceof JobOutcome.PermanentFailure failure) {
        error = failure.error();
        next = base.fail(error, now);
      } else {
        error = ((JobOutcome.RetryableFailure) outcome).error();
        next = base.retryLater(error, settings.retry().nextAttemptAt(base.attempts(), now, random), now);
      }
      try {
        jobs.transition(tenant, current, next);
      } catch (ConcurrentUpdateException e) {
        LOG.log(Level.INFO, "job {0} of {1} moved on while attempt {2} ran; its outcome is dropped", claimed.id(),
            tenant, claimed.attempts());
        return null;
      }
      if (error != null) {
        String type = outcome instanceof JobOutcome.PermanentFailure ? "PERMANENT"
            : next.status() == JobStatus.FAILED ? "EXHAUSTED" : "RETRYABLE";
        journal.recordError(tenant, new MarketplaceError(next.marketplace(), next.id(), type, error,
            thrown == null ? null : thrown.getClass().getName(), now));
      }
      if (next.status() == JobStatus.FAILED) {
        journal.recordFinished(tenant, now.atZone(ZoneOffset.UTC).toLocalDate(), next.marketplace(), next.action(),
            false, handlerTime.toMillis());
        LOG.log(Level.WARNING, "job {0} ({1} {2}) of {3} failed after {4} attempt(s): {5}", next.id(),
            next.marketplace(), next.action(), tenant, next.attempts(), next.lastError());
      }
      return next.status();
    });
  }

  /** The job with the attempt's last progress report, which the throttle may not have stored yet. */
  private static MarketplaceJob withProgress(MarketplaceJob job, JobProgress last, Instant now) {
    return last == null || last.equals(job.progress()) ? job : job.withProgress(last, now);
  }
}
