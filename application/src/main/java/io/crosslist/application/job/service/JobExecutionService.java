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
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.job.JobQueue.QueueDepth;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 *
 * <p>This class is the in-ports' face; the rules live beside it: {@link AttemptRunner} and {@link RunningAttempt}
 * (running one attempt, its progress and cancellation), {@link OutcomeRecorder} (storing outcomes, the retry
 * policy applied to retryable failures).
 */
public final class JobExecutionService implements ClaimJobsUseCase, RunJobUseCase, RenewLeasesUseCase,
    RescueAbandonedJobsUseCase, ExpireOverdueJobsUseCase, ReleaseJobUseCase, GetQueueDepthUseCase,
    ListJobTypesUseCase {
  private static final Logger LOG = System.getLogger(JobExecutionService.class.getName());
  private final JobQueue queue;
  private final MarketplaceJobRepository jobs;
  private final JobHandlers handlers;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final AttemptRunner runner;
  private final OutcomeRecorder outcomes;

  public JobExecutionService(JobQueue queue, MarketplaceJobRepository jobs, JobJournal journal, JobHandlers handlers,
      UnitOfWork unitOfWork, JobRunSettings settings, Clock clock, RandomGenerator random) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(journal, "journal");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    this.runner = new AttemptRunner(jobs, handlers, settings, clock);
    this.outcomes = new OutcomeRecorder(queue, jobs, journal, unitOfWork, settings, clock, random);
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
    return runner.attempt(claimed);
  }

  @Override
  public List<JobRunResult> finish(List<HandledAttempt> attempts) {
    return outcomes.finish(attempts);
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

  /**
   * Gives the job of a running attempt back (PENDING, the attempt not counted), if the attempt still owns it; a
   * success its handler reports later is dropped.
   */
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
        outcomes.dropOutcomeOf(claimed);
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
}
