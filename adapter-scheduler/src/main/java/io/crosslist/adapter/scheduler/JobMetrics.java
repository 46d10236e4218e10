package io.crosslist.adapter.scheduler;

import io.crosslist.application.job.port.in.RunJobUseCase.JobRunResult;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobQueue.QueueDepth;
import io.crosslist.domain.marketplace.Marketplace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The engine's meters, per marketplace (from the start for those the worker serves; for another, once the queue
 * reports work of it):
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
  private final Map<Marketplace, MarketplaceMeters> perMarketplace = new ConcurrentHashMap<>();
  private final Timer claimDuration;
  private final Counter claimErrors;

  /** The gauges and the claim latency of one marketplace. */
  private record MarketplaceMeters(AtomicLong queued, AtomicLong running, Timer claimLatency) {}

  /**
   * @param marketplaces the marketplaces the worker serves: their meters exist from the start (at 0); another
   *     marketplace's appear when the queue reports work of it
   */
  JobMetrics(MeterRegistry registry, String worker, Supplier<Number> busy, Collection<Marketplace> marketplaces) {
    this.registry = registry;
    this.worker = worker;
    marketplaces.forEach(this::of);
    claimDuration = Timer.builder("crosslist.worker.claim.duration").tag("worker", worker)
        .description("one claim cycle").register(registry);
    claimErrors = Counter.builder("crosslist.worker.claim.errors").tag("worker", worker).register(registry);
    Gauge.builder("crosslist.worker.busy", busy).tag("worker", worker)
        .description("jobs this worker holds: leased, started or running").register(registry);
  }

  /** The meters of {@code marketplace}, registered on first use (the registry shares them between workers). */
  private MarketplaceMeters of(Marketplace marketplace) {
    return perMarketplace.computeIfAbsent(marketplace, m -> {
      AtomicLong queued = new AtomicLong();
      AtomicLong running = new AtomicLong();
      Gauge.builder("crosslist.jobs.queued", queued, AtomicLong::get)
          .tag("marketplace", m.name()).description("PENDING jobs of all tenants").register(registry);
      Gauge.builder("crosslist.jobs.running", running, AtomicLong::get)
          .tag("marketplace", m.name()).description("jobs held by a worker").register(registry);
      Timer latency = Timer.builder("crosslist.jobs.claim.latency").tag("marketplace", m.name())
          .description("from when a job could run to when a worker started it").register(registry);
      return new MarketplaceMeters(queued, running, latency);
    });
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
        of(job.job().marketplace()).claimLatency().record(Duration.between(ready, started));
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
    Map<Marketplace, QueueDepth> byMarketplace = new HashMap<>();
    depths.forEach(d -> byMarketplace.put(d.marketplace(), d));
    byMarketplace.keySet().forEach(this::of);
    perMarketplace.forEach((marketplace, meters) -> {
      QueueDepth depth = byMarketplace.get(marketplace);
      meters.queued().set(depth == null ? 0 : depth.waiting());
      meters.running().set(depth == null ? 0 : depth.held());
    });
  }

  /** Removes this worker's own meters (the shared per-marketplace ones stay for other workers). */
  void close() {
    registry.remove(claimDuration);
    registry.remove(claimErrors);
    registry.find("crosslist.worker.busy").tag("worker", worker).meters().forEach(registry::remove);
  }
}
