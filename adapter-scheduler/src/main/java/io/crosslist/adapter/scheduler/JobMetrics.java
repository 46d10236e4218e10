package io.crosslist.adapter.scheduler;

import io.crosslist.application.job.port.in.RunJobUseCase.JobRunResult;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.QueueDepth;
import io.crosslist.domain.marketplace.Marketplace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The engine's meters, per marketplace:
 *
 * <ul>
 *   <li>{@code crosslist.jobs.queued} and {@code crosslist.jobs.running} (gauges, all workers, refreshed
 *       by maintenance);
 *   <li>{@code crosslist.jobs.completed}, {@code .failed}, {@code .cancelled}, {@code .retried} and
 *       {@code .lost} (counters of attempts this worker finished);
 *   <li>{@code crosslist.jobs.claim.latency} (timer: from when a job could run to when it started);
 *   <li>{@code crosslist.jobs.handler.duration} (timer, also per action);
 * </ul>
 * and per worker {@code crosslist.worker.claim.duration} (one claim cycle), {@code
 * crosslist.worker.claim.errors} and {@code crosslist.worker.busy} (jobs held: leased, started or running).
 */
final class JobMetrics {
  private final MeterRegistry registry;
  private final String worker;
  private final Map<Marketplace, AtomicLong> queued = new EnumMap<>(Marketplace.class);
  private final Map<Marketplace, AtomicLong> running = new EnumMap<>(Marketplace.class);
  private final Map<Marketplace, Timer> claimLatency = new EnumMap<>(Marketplace.class);
  private final Timer claimDuration;
  private final Counter claimErrors;
  private final List<Meter> meters = new ArrayList<>();

  JobMetrics(MeterRegistry registry, String worker, Supplier<Number> busy) {
    this.registry = registry;
    this.worker = worker;
    for (Marketplace marketplace : Marketplace.values()) {
      String m = marketplace.name();
      queued.put(marketplace, new AtomicLong());
      running.put(marketplace, new AtomicLong());
      meters.add(Gauge.builder("crosslist.jobs.queued", queued.get(marketplace), AtomicLong::get)
          .tag("marketplace", m).description("PENDING jobs of all tenants").register(registry));
      meters.add(Gauge.builder("crosslist.jobs.running", running.get(marketplace), AtomicLong::get)
          .tag("marketplace", m).description("jobs held by a worker").register(registry));
      Timer latency = Timer.builder("crosslist.jobs.claim.latency").tag("marketplace", m)
          .description("from when a job could run to when a worker started it").register(registry);
      claimLatency.put(marketplace, latency);
      meters.add(latency);
    }
    claimDuration = Timer.builder("crosslist.worker.claim.duration").tag("worker", worker)
        .description("one claim cycle").register(registry);
    claimErrors = Counter.builder("crosslist.worker.claim.errors").tag("worker", worker).register(registry);
    meters.add(claimDuration);
    meters.add(claimErrors);
    meters.add(Gauge.builder("crosslist.worker.busy", busy).tag("worker", worker)
        .description("jobs this worker holds: leased, started or running").register(registry));
  }

  /** One lease on the dispatch index took {@code nanos}. */
  void leased(long nanos) {
    claimDuration.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Jobs started: how long each waited from its run-after time. */
  void started(List<ClaimedJob> jobs) {
    for (ClaimedJob job : jobs) {
      Instant ready = job.job().runAfter();
      Instant started = job.job().startedAt();
      if (started != null && !started.isBefore(ready)) {
        claimLatency.get(job.job().marketplace()).record(Duration.between(ready, started));
      }
    }
  }

  void claimFailed() {
    claimErrors.increment();
  }

  void finished(JobRunResult result) {
    String outcome = result.lost() ? "lost" : switch (result.status()) {
      case COMPLETED -> "completed";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case PENDING -> "retried";
      default -> "other";
    };
    registry.counter("crosslist.jobs." + outcome, "marketplace", result.marketplace().name()).increment();
    registry.timer("crosslist.jobs.handler.duration", "marketplace", result.marketplace().name(), "action",
        result.action().name()).record(result.handlerTime());
  }

  void runFailed(ClaimedJob job) {
    registry.counter("crosslist.jobs.store.errors", "marketplace", job.job().marketplace().name()).increment();
  }

  void depth(List<QueueDepth> depths) {
    queued.values().forEach(v -> v.set(0));
    running.values().forEach(v -> v.set(0));
    for (QueueDepth depth : depths) {
      queued.get(depth.marketplace()).set(depth.waiting());
      running.get(depth.marketplace()).set(depth.held());
    }
  }

  /** Removes this worker's own meters (the shared per-marketplace ones stay for other workers). */
  void close() {
    registry.remove(claimDuration);
    registry.remove(claimErrors);
    registry.find("crosslist.worker.busy").tag("worker", worker).meters().forEach(registry::remove);
  }
}
