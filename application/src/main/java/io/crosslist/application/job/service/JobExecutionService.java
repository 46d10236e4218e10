package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.ClaimJobsUseCase;
import io.crosslist.application.job.port.in.ExpireOverdueJobsUseCase;
import io.crosslist.application.job.port.in.GetQueueDepthUseCase;
import io.crosslist.application.job.port.in.ListJobTypesUseCase;
import io.crosslist.application.job.port.in.ReleaseJobUseCase;
import io.crosslist.application.job.port.in.RenewLeasesUseCase;
import io.crosslist.application.job.port.in.RescueAbandonedJobsUseCase;
import io.crosslist.application.job.port.in.RunJobUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobHandler.JobContext;
import io.crosslist.domain.job.JobHandler.JobOutcome;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.job.JobQueue.QueueDepth;
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
import io.crosslist.domain.job.JobId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The worker side of the jobs engine: claiming, running one attempt, and the housekeeping (lease
 * renewal, rescue, expiry, release on shutdown). Threads, polling and metrics belong to the caller
 * (the scheduler adapter); this class holds the rules.
 *
 * <p>An attempt runs in short steps of the job's tenant, never one long transaction: the start (the
 * claim's second step, a read: the lease is the running attempt), each progress write, and the finish.
 * Running ({@link #attempt}) and storing ({@link #finish}) are separate calls: the successes of one tenant
 * given to one {@code finish} are stored by the queue in one step (a compare-and-set per job, with the batch
 * counts and the statistics). Any other outcome locks the job, applies the outcome to the job as stored (so
 * that a cancellation requested meanwhile is seen) and writes the error log and statistics with it. If the
 * job moved on meanwhile (its lease expired and another worker rescued it, or this service released it),
 * the finish stores nothing: the attempt no longer owns the job.
 */
public final class JobExecutionService implements ClaimJobsUseCase, RunJobUseCase, RenewLeasesUseCase,
    RescueAbandonedJobsUseCase, ExpireOverdueJobsUseCase, ReleaseJobUseCase, GetQueueDepthUseCase,
    ListJobTypesUseCase {
  private static final Logger LOG = System.getLogger(JobExecutionService.class.getName());
  private final JobQueue queue;
  private final MarketplaceJobRepository jobs;
  private final JobJournal journal;
  private final JobHandlers handlers;
  private final UnitOfWork unitOfWork;
  private final JobRunSettings settings;
  private final Clock clock;
  private final RandomGenerator random;
  /**
   * Attempts this service gave back ({@link #release}) whose handlers may still end: their successes are
   * dropped here. The success finish checks the stored row only, and a released job's row is as its attempt
   * left it (the release counts no attempt); any other lost attempt finds its row moved on (the rescue counts it).
   */
  private final Set<AttemptKey> released = ConcurrentHashMap.newKeySet();

  private record AttemptKey(TenantId tenant, JobId job, int attempt) {
    static AttemptKey of(ClaimedJob claimed) {
      return new AttemptKey(claimed.tenant(), claimed.job().id(), claimed.job().attempts());
    }
  }

  public JobExecutionService(JobQueue queue, MarketplaceJobRepository jobs, JobJournal journal, JobHandlers handlers,
      UnitOfWork unitOfWork, JobRunSettings settings, Clock clock, RandomGenerator random) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The types of the handlers this engine runs: a worker claims jobs of their marketplaces. */
  @Override
  public List<SupportedJobType> jobTypes() {
    return handlers.jobTypes();
  }

  @Override
  public List<Lease> lease(String worker, ClaimRequest request) {
    return queue.lease(worker, Objects.requireNonNull(request, "request"));
  }

  @Override
  public List<ClaimedJob> start(String worker, TenantId tenant, List<Lease> leases) {
    return queue.start(worker, tenant, Objects.requireNonNull(leases, "leases"));
  }

  @Override
  public List<ClaimedJob> claim(String worker, ClaimRequest request) {
    return queue.claim(worker, Objects.requireNonNull(request, "request"));
  }

  @Override
  public boolean giveBack(String worker, Lease lease) {
    return queue.giveBack(worker, Objects.requireNonNull(lease, "lease"));
  }

  @Override
  public HandledAttempt attempt(ClaimedJob claimed) {
    Objects.requireNonNull(claimed, "claimed");
    MarketplaceJob job = claimed.job();
    if (job.status() != JobStatus.RUNNING) {
      throw new IllegalArgumentException("job " + job.id() + " is " + job.status() + ", not RUNNING");
    }
    Attempt attempt = new Attempt(claimed);
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
    return new HandledAttempt(claimed, outcome, thrown, attempt.lastReported,
        Duration.ofNanos(System.nanoTime() - began));
  }

  @Override
  public List<JobRunResult> finish(List<HandledAttempt> attempts) {
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
          "the handler's result could not be stored: " + describe(e)), e);
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
      if (stored.isEmpty() || !ownedBy(claimed, stored.get())) {
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

  /** Whether the stored job is still the one this attempt runs. */
  private static boolean ownedBy(MarketplaceJob claimed, MarketplaceJob stored) {
    return stored.status() == JobStatus.RUNNING && stored.attempts() == claimed.attempts();
  }

  /** The job with the attempt's last progress report, which the throttle may not have stored yet. */
  private static MarketplaceJob withProgress(MarketplaceJob job, JobProgress last, Instant now) {
    return last == null || last.equals(job.progress()) ? job : job.withProgress(last, now);
  }

  @Override
  public int renewLeases(String worker, Duration lease) {
    return queue.renewLeases(worker, lease);
  }

  @Override
  public int rescueAbandoned(int limit) {
    int rescued = queue.rescueExpiredLeases(limit);
    if (rescued > 0) {
      LOG.log(Level.WARNING, "rescued {0} job(s) whose worker stopped renewing its lease", rescued);
    }
    return rescued;
  }

  @Override
  public int removeEndedLeases(int tenants, int heldAtLeast) {
    int removed = queue.removeEndedLeases(tenants, heldAtLeast);
    if (removed > 0) {
      LOG.log(Level.INFO, "removed {0} lease(s) left on jobs that had ended (their worker stopped before it removed"
          + " them, or had not removed them yet)", removed);
    }
    return removed;
  }

  @Override
  public int endLeases(String worker) {
    return queue.endLeases(worker);
  }

  @Override
  public int expireOverdue(int limit) {
    return queue.expireOverdue(limit);
  }

  @Override
  public boolean release(ClaimedJob claimed) {
    TenantId tenant = claimed.tenant();
    try {
      boolean given = unitOfWork.inTransaction(tenant, () -> {
        Optional<MarketplaceJob> stored = jobs.findForUpdate(tenant, claimed.job().id());
        if (stored.isEmpty() || stored.get().status() != JobStatus.RUNNING
            || stored.get().attempts() != claimed.job().attempts()) {
          return false;
        }
        jobs.transition(tenant, stored.get(), stored.get().interrupted(clock.instant()));
        return true;
      });
      if (given) {
        released.add(AttemptKey.of(claimed));
      }
      return given;
    } catch (ConcurrentUpdateException e) {
      return false;
    }
  }

  @Override
  public List<QueueDepth> depth() {
    return queue.depth();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** What the engine knows of one running attempt; the handler's thread and the engine's share it. */
  private final class Attempt {
    final TenantId tenant;
    final MarketplaceJob claimed;
    private MarketplaceJob current;
    private volatile JobProgress lastReported;
    private volatile boolean lost;
    private volatile boolean cancelled;
    private long lastProgressWrite;
    private long lastCancellationRead;

    Attempt(ClaimedJob job) {
      this.tenant = job.tenant();
      this.claimed = job.job();
      this.current = job.job();
      this.cancelled = job.job().cancelRequested();
      long now = System.nanoTime();
      this.lastProgressWrite = now - settings.progressInterval().toNanos() - 1;
      this.lastCancellationRead = now;
    }

    synchronized void report(JobProgress progress) {
      Objects.requireNonNull(progress, "progress");
      lastReported = progress;
      long now = System.nanoTime();
      if (lost || now - lastProgressWrite < settings.progressInterval().toNanos()) {
        return; // throttled: the last report is stored with the outcome anyway
      }
      lastProgressWrite = now;
      try {
        current = jobs.transition(tenant, current, current.withProgress(progress, clock.instant()));
      } catch (ConcurrentUpdateException e) {
        lost = true; // rescued by another worker: the handler should stop; the finish will drop the outcome
      }
    }

    synchronized boolean isCancelled() {
      if (cancelled || lost) {
        return true;
      }
      long now = System.nanoTime();
      if (now - lastCancellationRead >= settings.cancellationCheckInterval().toNanos()) {
        lastCancellationRead = now;
        Optional<MarketplaceJob> stored = jobs.findById(tenant, claimed.id());
        lost = stored.isEmpty() || !ownedBy(claimed, stored.get());
        cancelled = stored.isPresent() && stored.get().cancelRequested();
      }
      return cancelled || lost;
    }
  }
}
