package io.crosslist.adapter.scheduler;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work of one {@link JobWorkerPool}, on its housekeeping thread: heartbeats that renew the leases of
 * the jobs it holds, and maintenance (leases dead workers left on ended jobs, rescue of jobs whose leases expired,
 * expiry of overdue jobs, the queue gauges).
 */
final class Housekeeping {
  /** The pool's logger: a worker's lines stay under one name. */
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerPool.class);
  /** Tenants a maintenance tick looks at for leases left on ended jobs (in turns across ticks). */
  private static final int ENDED_LEASE_TENANTS = 100;
  private static final int RESCUE_LIMIT = 1_000;
  private final WorkerSettings settings;
  private final JobWorkerPool.Ports ports;
  private final JobMetrics metrics;
  private final BooleanSupplier holdsJobs;

  Housekeeping(WorkerSettings settings, JobWorkerPool.Ports ports, JobMetrics metrics, BooleanSupplier holdsJobs) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.holdsJobs = Objects.requireNonNull(holdsJobs, "holdsJobs");
  }

  /** Schedules the heartbeats, and the maintenance from now on (its first tick at once). */
  void start(ScheduledExecutorService executor) {
    long heartbeat = settings.heartbeat().toMillis();
    executor.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(this::maintain, 0, settings.maintenance().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void heartbeat() {
    if (!holdsJobs.getAsBoolean()) {
      return;
    }
    try {
      ports.renew().renewLeases(settings.workerId(), settings.lease());
    } catch (RuntimeException e) {
      LOG.warn("worker {}: renewing leases failed (will retry in {} ms): {}", settings.workerId(),
          settings.heartbeat().toMillis(), e.toString());
    }
  }

  private void maintain() {
    try {
      // first, and at start: a lease a dead worker left on a job that ended holds its tenant back until removed
      ports.rescue().removeEndedLeases(ENDED_LEASE_TENANTS, settings.marketplaceCap());
      ports.rescue().rescueAbandoned(RESCUE_LIMIT);
      int expired = ports.expire().expireOverdue(RESCUE_LIMIT);
      if (expired > 0) {
        LOG.info("worker {}: {} job(s) expired before they could run", settings.workerId(), expired);
      }
      metrics.depth(ports.depth().depth());
    } catch (RuntimeException e) {
      LOG.warn("worker {}: maintenance failed (will retry): {}", settings.workerId(), e.toString());
    }
  }
}
