package io.crosslist.adapter.scheduler;

import io.crosslist.application.job.port.in.ClaimJobsUseCase;
import io.crosslist.application.job.port.in.ExpireOverdueJobsUseCase;
import io.crosslist.application.job.port.in.GetQueueDepthUseCase;
import io.crosslist.application.job.port.in.ListJobTypesUseCase;
import io.crosslist.application.job.port.in.ReleaseJobUseCase;
import io.crosslist.application.job.port.in.RenewLeasesUseCase;
import io.crosslist.application.job.port.in.RescueAbandonedJobsUseCase;
import io.crosslist.application.job.port.in.RunJobUseCase;
import io.crosslist.domain.marketplace.Marketplace;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
 * <p>The parts, each in its own class: {@link ClaimLoop} (the dispatcher thread), {@link HandlerDispatch} (starts
 * leased jobs and runs their handlers), {@link FinishGroup} and {@link OutcomeStore} (when and how outcomes are
 * stored), {@link HeldJobs} (the room and what is held), {@link Housekeeping} (heartbeats and maintenance) and
 * {@link Drain} (the shutdown's give-back).
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

  private final WorkerSettings settings;
  private final Ports ports;
  /** The marketplaces of the job types the engine serves: the worker claims jobs of these only. */
  private final List<Marketplace> marketplaces;
  private final JobMetrics metrics;
  private final ExecutorService handlers;
  private final ScheduledExecutorService housekeeping;
  private final HeldJobs held;
  private final OutcomeStore outcomes;
  private final HandlerDispatch dispatch;
  private final Drain drain;
  private final Thread dispatcher;
  private volatile State state = State.NEW;
  private ShutdownReport report;

  public JobWorkerPool(WorkerSettings settings, Ports ports, MeterRegistry registry) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.marketplaces = List.copyOf(ports.jobTypes().marketplaces());
    this.metrics = new JobMetrics(Objects.requireNonNull(registry, "registry"), settings.workerId(), this::running,
        marketplaces);
    this.held = new HeldJobs(settings.concurrency() + settings.claimBatch());
    this.handlers = Executors.newFixedThreadPool(settings.concurrency(), named("crosslist-job-" + settings.workerId()));
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(named("crosslist-housekeeping-"
        + settings.workerId()));
    BooleanSupplier running = () -> state == State.RUNNING;
    // the finish groups holding successes, so that the shutdown stores them before it gives anything back
    Set<FinishGroup> holding = ConcurrentHashMap.newKeySet();
    this.outcomes = new OutcomeStore(settings.workerId(), ports.run(), metrics, held, running);
    this.dispatch = new HandlerDispatch(settings, ports, metrics, handlers, held,
        new FinishGroup.Context(settings.finishDelay(), housekeeping, handlers, holding, outcomes::store), outcomes,
        running);
    this.drain = new Drain(settings, ports.release(), handlers, held, holding, dispatch);
    this.dispatcher = named("crosslist-dispatcher-" + settings.workerId())
        .newThread(new ClaimLoop(settings, ports.claim(), marketplaces, metrics, held, dispatch, running));
  }

  /** Starts claiming, heartbeats and maintenance. */
  public synchronized JobWorkerPool start() {
    if (state != State.NEW) {
      throw new IllegalStateException("worker " + settings.workerId() + " was already started");
    }
    state = State.RUNNING;
    new Housekeeping(settings, ports, metrics, () -> !held.isEmpty()).start(housekeeping);
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
    held.wakeUp();
  }

  /** Jobs this worker holds now: running, or leased or started and waiting for a free handler. */
  public int running() {
    return held.count();
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
    held.wakeUp();
    drain.awaitHandlers(dispatcher);
    int released = drain.giveBackTheRest();
    housekeeping.shutdownNow();
    released += drain.endLeases();
    state = State.STOPPED;
    report = new ShutdownReport(outcomes.finishedDuringShutdown(), released + dispatch.releasedUnstarted());
    metrics.close();
    LOG.info("worker {} stopped: {} job(s) finished during shutdown, {} released", settings.workerId(),
        report.finished(), report.released());
    return report;
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
