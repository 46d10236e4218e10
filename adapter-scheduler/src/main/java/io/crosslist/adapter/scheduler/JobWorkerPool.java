package io.crosslist.adapter.scheduler;

import io.crosslist.adapter.scheduler.FinishGroup.Handled;
import io.crosslist.application.job.port.in.ClaimJobsUseCase;
import io.crosslist.application.job.port.in.ExpireOverdueJobsUseCase;
import io.crosslist.application.job.port.in.GetQueueDepthUseCase;
import io.crosslist.application.job.port.in.ListJobTypesUseCase;
import io.crosslist.application.job.port.in.ReleaseJobUseCase;
import io.crosslist.application.job.port.in.RenewLeasesUseCase;
import io.crosslist.application.job.port.in.RescueAbandonedJobsUseCase;
import io.crosslist.application.job.port.in.RunJobUseCase;
import io.crosslist.application.job.port.in.RunJobUseCase.HandledAttempt;
import io.crosslist.application.job.port.in.RunJobUseCase.JobRunResult;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of the jobs engine: claims runnable jobs of all tenants and runs their handlers on a
 * bounded pool of threads. Any number of workers (threads here, processes elsewhere) share one
 * database; the claim never hands the same job to two of them.
 *
 * <ul>
 *   <li><b>The dispatcher only leases;</b> the handler threads start the jobs. One thread leases work on
 *       the shared dispatch index; each tenant's leased jobs are then started with one statement on a
 *       handler thread, so the tenants' schemas are written in parallel and the dispatch does not slow
 *       down as tenants are added.
 *   <li><b>Successes are stored together:</b> the jobs of one tenant started together form a finish group;
 *       the successes of a group are stored with one statement once its last handler ends, or {@code
 *       finishDelay} after the first ended, whichever comes first. Every other outcome is stored at once.
 *   <li><b>Claims run ahead of the handlers:</b> the worker holds up to {@code concurrency + claimBatch}
 *       leased or started jobs, the ones beyond {@code concurrency} waiting for a free handler, so handlers do
 *       not sit idle while a claim is under way. While the queue is deep (the last claim was full) it
 *       claims once half a batch of room is free, or {@code pollMin} after room first appeared, so a
 *       claim's cost is shared by many jobs; while the queue is shallow it claims for any free room at once.
 *   <li><b>Wake-up</b> is polling with an adaptive interval: right away after a full claim, {@code
 *       pollMin} after a partial one, doubling up to {@code pollMax} while idle. It needs nothing but
 *       short transactions, so it works behind PgBouncer in transaction pooling mode. {@link #wakeUp()}
 *       lets a host shorten the wait (e.g. after enqueueing, or from a LISTEN/NOTIFY listener on a
 *       dedicated connection); it is only an accelerator.
 *   <li><b>Heartbeats</b> renew the leases of the jobs this worker holds; <b>maintenance</b> removes the
 *       leases dead workers left on jobs that had ended, rescues jobs of dead workers, expires overdue ones and
 *       refreshes the queue gauges ({@link Housekeeping}).
 *   <li><b>Shutdown</b> ({@link #close()}) stops claiming, waits for running handlers up to {@code
 *       shutdownTimeout}, then gives the jobs of the rest back (PENDING, attempt not counted) and interrupts
 *       them, and ends every lease it still holds: a stopped worker leaves no lease behind.
 * </ul>
 *
 * <pre>{@code
 * JobWorkerPool pool = new JobWorkerPool(WorkerSettings.defaults("worker-1"), JobWorkerPool.Ports.of(engine), registry);
 * pool.start();
 * ...
 * pool.close(); // graceful
 * }</pre>
 */
public final class JobWorkerPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerPool.class);

  /** The in-ports a worker calls; {@link #of} takes one service that implements them all. */
  public record Ports(ClaimJobsUseCase claim, RunJobUseCase run, RenewLeasesUseCase renew,
      RescueAbandonedJobsUseCase rescue, ExpireOverdueJobsUseCase expire, ReleaseJobUseCase release,
      GetQueueDepthUseCase depth, ListJobTypesUseCase jobTypes) {
    public Ports {
      Objects.requireNonNull(claim, "claim");
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(renew, "renew");
      Objects.requireNonNull(rescue, "rescue");
      Objects.requireNonNull(expire, "expire");
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(depth, "depth");
      Objects.requireNonNull(jobTypes, "jobTypes");
    }

    public static <S extends ClaimJobsUseCase & RunJobUseCase & RenewLeasesUseCase & RescueAbandonedJobsUseCase
        & ExpireOverdueJobsUseCase & ReleaseJobUseCase & GetQueueDepthUseCase & ListJobTypesUseCase> Ports of(
        S engine) {
      return new Ports(engine, engine, engine, engine, engine, engine, engine, engine);
    }
  }

  /**
   * What a shutdown did.
   *
   * @param finished handlers that ended within the timeout
   * @param released jobs given back: their handler did not end in time, or they were still waiting for one
   */
  public record ShutdownReport(int finished, int released) {}

  private enum State { NEW, RUNNING, STOPPING, STOPPED }

  /** One tenant's jobs of one lease, started together by a handler thread. */
  private record LeaseGroup(TenantId tenant, List<Lease> leases) {}

  private final WorkerSettings settings;
  private final Ports ports;
  /** The marketplaces of the job types the engine serves: the worker claims jobs of these only. */
  private final List<Marketplace> marketplaces;
  private final JobMetrics metrics;
  private final ExecutorService handlers;
  private final ScheduledExecutorService housekeeping;
  private final FinishGroup.Context finishing;
  private final Thread dispatcher;
  /** Room for held jobs (leased, started or running): the dispatcher leases at most this many. */
  private final Semaphore slots;
  /** Released to end the dispatcher's wait early (a slot freed, {@link #wakeUp}, shutdown). */
  private final Semaphore wake = new Semaphore(0);
  /** What this worker holds: started jobs ({@link ClaimedJob}) and tenants' leases being started ({@link LeaseGroup}). */
  private final Map<Object, Future<?>> inFlight = new ConcurrentHashMap<>();
  /** Finish groups holding successes, so that shutdown stores them before it gives anything back. */
  private final Set<FinishGroup> holding = ConcurrentHashMap.newKeySet();
  /**
   * Jobs whose handlers outlived the shutdown timeout, given back: their handlers' late outcomes are not stored
   * (the job runs again), so they neither write nor log anything.
   */
  private final Set<ClaimedJob> givenBack = ConcurrentHashMap.newKeySet();
  /** Jobs whose handlers are running now (not those claimed ahead and waiting for a handler). */
  private final Set<ClaimedJob> handling = ConcurrentHashMap.newKeySet();
  private final AtomicInteger finishedDuringShutdown = new AtomicInteger();
  private final AtomicInteger releasedUnstarted = new AtomicInteger();
  private volatile State state = State.NEW;
  private ShutdownReport report;

  public JobWorkerPool(WorkerSettings settings, Ports ports, MeterRegistry registry) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.marketplaces = List.copyOf(ports.jobTypes().marketplaces());
    this.metrics = new JobMetrics(Objects.requireNonNull(registry, "registry"), settings.workerId(), this::running,
        marketplaces);
    this.slots = new Semaphore(settings.concurrency() + settings.claimBatch());
    this.handlers = Executors.newFixedThreadPool(settings.concurrency(), named("crosslist-job-" + settings.workerId()));
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(named("crosslist-housekeeping-"
        + settings.workerId()));
    this.dispatcher = named("crosslist-dispatcher-" + settings.workerId()).newThread(this::dispatch);
    this.finishing = new FinishGroup.Context(settings.finishDelay(), housekeeping, handlers, holding, this::store);
  }

  /** Starts claiming, heartbeats and maintenance. */
  public synchronized JobWorkerPool start() {
    if (state != State.NEW) {
      throw new IllegalStateException("worker " + settings.workerId() + " was already started");
    }
    state = State.RUNNING;
    new Housekeeping(settings, ports, metrics, () -> !inFlight.isEmpty()).start(housekeeping);
    dispatcher.start();
    LOG.info("worker {} started: {} handler threads, claims of up to {} jobs, {} per tenant, caps {} per tenant and {}"
            + " per (tenant, marketplace), on {}", settings.workerId(), settings.concurrency(), settings.claimBatch(),
        settings.perTenant(), settings.tenantCap(), settings.marketplaceCap(), marketplaces);
    if (marketplaces.isEmpty()) {
      LOG.warn("worker {} serves no job type (no job handler is registered): it claims no job", settings.workerId());
    }
    return this;
  }

  /** Ends the current wait between claims at once; harmless when there is no work. */
  public void wakeUp() {
    wake.release();
  }

  /** Jobs this worker holds now: running, or leased or started and waiting for a free handler. */
  public int running() {
    return settings.concurrency() + settings.claimBatch() - slots.availablePermits();
  }

  private void dispatch() {
    long idleWait = settings.pollMin().toMillis();
    boolean deepQueue = false;
    int halfBatch = Math.max(1, settings.claimBatch() / 2);
    while (state == State.RUNNING) {
      try {
        int free = slots.availablePermits();
        if (free == 0 || marketplaces.isEmpty()) {
          sleep(settings.pollMax().toMillis()); // a finishing handler wakes us up
          continue;
        }
        if (deepQueue && free < halfBatch) {
          free = awaitRoom(halfBatch, settings.pollMin().toMillis());
        }
        int limit = Math.min(settings.claimBatch(), free);
        long began = System.nanoTime();
        List<Lease> leased = ports.claim().lease(settings.workerId(), settings.claim(limit, marketplaces));
        metrics.leased(System.nanoTime() - began);
        Map<TenantId, List<Lease>> byTenant = new LinkedHashMap<>();
        for (Lease lease : leased) {
          byTenant.computeIfAbsent(lease.tenant(), t -> new ArrayList<>()).add(lease);
        }
        for (Map.Entry<TenantId, List<Lease>> group : byTenant.entrySet()) {
          submit(new LeaseGroup(group.getKey(), List.copyOf(group.getValue())));
        }
        deepQueue = leased.size() == limit;
        if (deepQueue) {
          idleWait = settings.pollMin().toMillis(); // a full batch: more is probably waiting, claim again soon
        } else if (leased.isEmpty()) {
          sleep(idleWait);
          idleWait = Math.min(settings.pollMax().toMillis(), idleWait * 2);
        } else {
          idleWait = settings.pollMin().toMillis();
          sleep(idleWait);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        metrics.claimFailed();
        LOG.warn("worker {}: claiming failed, retrying in {} ms: {}", settings.workerId(), settings.pollMax().toMillis(),
            e.toString());
        try {
          sleep(settings.pollMax().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Waits until {@code wanted} claims' room is free, at most {@code maxMillis}; returns the room free then. */
  private int awaitRoom(int wanted, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    int free = slots.availablePermits();
    while (free < wanted && state == State.RUNNING) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wake.tryAcquire(left, TimeUnit.NANOSECONDS); // each finishing handler releases one permit
      free = slots.availablePermits();
    }
    return free;
  }

  private void sleep(long millis) throws InterruptedException {
    wake.drainPermits();
    wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
  }

  private void submit(LeaseGroup group) throws InterruptedException {
    slots.acquire(group.leases().size());
    try {
      // registered under the lock of the map's bin before the task can finish and remove itself
      inFlight.compute(group, (k, v) -> handlers.submit(() -> start(group)));
    } catch (RuntimeException e) { // rejected: shutting down
      inFlight.remove(group);
      giveBack(group);
      slots.release(group.leases().size());
    }
  }

  /** On a handler thread: starts one tenant's leased jobs, then hands each started one to a handler. */
  private void start(LeaseGroup group) {
    List<ClaimedJob> started = List.of();
    try {
      if (state != State.RUNNING) { // leased ahead, and shutdown began first: give them back unstarted
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
      inFlight.remove(group); // after the started jobs are registered, so that a shutdown always sees them
      int notStarted = group.leases().size() - started.size();
      if (notStarted > 0) {
        slots.release(notStarted);
        wake.release();
      }
    }
  }

  /** Gives back leases that were not started; returns how many were still held. */
  private int giveBack(LeaseGroup group) {
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
      inFlight.compute(job, (k, v) -> handlers.submit(() -> runOne(job, finish)));
    } catch (RuntimeException e) { // rejected: shutting down
      inFlight.remove(job);
      try {
        if (ports.release().release(job)) {
          releasedUnstarted.incrementAndGet();
        }
      } catch (RuntimeException re) {
        LOG.warn("worker {}: could not release job {} of {}; its lease will expire and it will be rescued",
            settings.workerId(), job.job().id(), job.tenant(), re);
      }
      store(finish.ended(null));
      slots.release();
      wake.release();
    }
  }

  /** On a handler thread: runs the job's handler, then stores its outcome, or holds a success for its group. */
  private void runOne(ClaimedJob job, FinishGroup finish) {
    Handled handled = null;
    try {
      if (state != State.RUNNING) { // claimed ahead, and shutdown began before a handler was free: give it back
        if (ports.release().release(job)) {
          releasedUnstarted.incrementAndGet();
        }
        return;
      }
      handling.add(job);
      try {
        handled = new Handled(job, ports.run().attempt(job));
      } finally {
        handling.remove(job);
      }
    } catch (RuntimeException | Error e) {
      if (!givenBack.contains(job)) { // else it failed because shutdown interrupted it, and it was given back
        // the lease expires and another attempt runs (at-least-once)
        metrics.runFailed(job);
        LOG.error("worker {}: job {} of {} could not be run; its lease will expire and it will be rescued",
            settings.workerId(), job.job().id(), job.tenant(), e);
      }
    } finally {
      if (handled == null) {
        done(job);
      }
      store(finish.ended(handled));
    }
  }

  /**
   * Stores the outcomes of attempts of one finish group, then frees their room. The outcome of a job given back
   * at shutdown is dropped here: the job no longer belongs to this attempt, and its handler ended because it was
   * interrupted.
   */
  private void store(List<Handled> outcomes) {
    List<Handled> ended = new ArrayList<>(outcomes.size());
    for (Handled handled : outcomes) {
      if (givenBack.contains(handled.job())) {
        done(handled.job());
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
      for (JobRunResult result : ports.run().finish(attempts)) {
        metrics.finished(result);
        if (state != State.RUNNING && !result.lost()) {
          finishedDuringShutdown.incrementAndGet();
        }
      }
    } catch (RuntimeException | Error e) {
      // a store failure: the leases expire and other attempts run (at-least-once)
      for (Handled handled : ended) {
        metrics.runFailed(handled.job());
      }
      LOG.error("worker {}: {} job(s) of {} could not be finished; their leases will expire and they will be rescued",
          settings.workerId(), ended.size(), ended.get(0).job().tenant(), e);
    } finally {
      for (Handled handled : ended) {
        done(handled.job());
      }
    }
  }

  /** A job's handler ended and its outcome is stored (or given up): its room is free. */
  private void done(ClaimedJob job) {
    inFlight.remove(job);
    slots.release();
    wake.release();
  }

  /**
   * Graceful shutdown: stops claiming, waits up to {@code shutdownTimeout} for running handlers, stores the
   * outcomes of those that ended, then gives back the jobs of those still running (said once in the log) and
   * interrupts them, and ends every lease it still holds, so that none is left behind. Idempotent.
   */
  public synchronized ShutdownReport shutdown() {
    if (state == State.STOPPED) {
      return report;
    }
    if (state == State.NEW) {
      state = State.STOPPED;
      handlers.shutdownNow();
      housekeeping.shutdownNow();
      report = new ShutdownReport(0, 0);
      return report;
    }
    state = State.STOPPING;
    wake.release();
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(30));
      handlers.shutdown();
      int waitingFor = inFlight.size();
      LOG.info("worker {} stopping: waiting up to {} for {} running job(s)", settings.workerId(),
          settings.shutdownTimeout(), waitingFor);
      handlers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (FinishGroup group : holding) { // successes held for their group: stored, not given back
      group.storeHeld();
    }
    int released = 0;
    List<String> outlived = new ArrayList<>();
    for (Map.Entry<Object, Future<?>> entry : inFlight.entrySet()) {
      if (entry.getKey() instanceof LeaseGroup group) {
        entry.getValue().cancel(true);
        released += giveBack(group);
        continue;
      }
      ClaimedJob job = (ClaimedJob) entry.getKey();
      boolean running = handling.contains(job); // else claimed ahead, and its handler never began
      // given back first, so that the handler's outcome after the interrupt is dropped, not stored
      givenBack.add(job);
      try {
        if (ports.release().release(job)) {
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
    housekeeping.shutdownNow();
    released += endLeases();
    state = State.STOPPED;
    report = new ShutdownReport(finishedDuringShutdown.get(), released + releasedUnstarted.get());
    metrics.close();
    LOG.info("worker {} stopped: {} job(s) finished during shutdown, {} released", settings.workerId(),
        report.finished(), report.released());
    return report;
  }

  /**
   * The last step of a stop: no lease of this worker outlives it. The entries of its last successes are removed
   * (they stay leased until the queue's next call, and nothing calls it after the dispatcher stopped), and an
   * entry still held (a release that failed, an outcome that could not be stored) is given back, so that no
   * tenant waits for a lease of a stopped worker to expire. Returns how many jobs it gave back.
   */
  private int endLeases() {
    try {
      return ports.release().endLeases(settings.workerId());
    } catch (RuntimeException e) {
      LOG.warn("worker {}: could not end its leases ({}); they expire in at most {}", settings.workerId(),
          e.toString(), settings.lease());
      return 0;
    }
  }

  @Override
  public void close() {
    shutdown();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
