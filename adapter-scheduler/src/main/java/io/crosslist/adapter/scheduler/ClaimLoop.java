package io.crosslist.adapter.scheduler;

import io.crosslist.application.job.port.in.ClaimJobsUseCase;
import io.crosslist.domain.job.JobQueue.Lease;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher thread of a {@link JobWorkerPool}: leases runnable jobs on the shared dispatch index for the room
 * that is free, groups them by tenant and hands each group to {@link HandlerDispatch}, then waits with an adaptive
 * interval (at once after a full claim, {@code pollMin} after a partial one, doubling up to {@code pollMax} while
 * idle). While the queue is deep it claims once half a batch of room is free, or {@code pollMin} after room first
 * appeared.
 */
final class ClaimLoop implements Runnable {
  /** The pool's logger: a worker's lines stay under one name. */
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerPool.class);
  private final WorkerSettings settings;
  private final ClaimJobsUseCase claim;
  private final List<Marketplace> marketplaces;
  private final JobMetrics metrics;
  private final HeldJobs held;
  private final HandlerDispatch dispatch;
  private final BooleanSupplier running;

  ClaimLoop(WorkerSettings settings, ClaimJobsUseCase claim, List<Marketplace> marketplaces, JobMetrics metrics,
      HeldJobs held, HandlerDispatch dispatch, BooleanSupplier running) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.claim = Objects.requireNonNull(claim, "claim");
    this.marketplaces = List.copyOf(marketplaces);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.held = Objects.requireNonNull(held, "held");
    this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
    this.running = Objects.requireNonNull(running, "running");
  }

  @Override
  public void run() {
    long idleWait = settings.pollMin().toMillis();
    boolean deepQueue = false;
    int halfBatch = Math.max(1, settings.claimBatch() / 2);
    while (running.getAsBoolean()) {
      try {
        int free = held.free();
        if (free == 0 || marketplaces.isEmpty()) {
          held.pause(settings.pollMax().toMillis()); // a finishing handler wakes us up
          continue;
        }
        if (deepQueue && free < halfBatch) {
          free = held.awaitRoom(halfBatch, settings.pollMin().toMillis(), running);
        }
        int limit = Math.min(settings.claimBatch(), free);
        int leased = claimOnce(limit);
        deepQueue = leased == limit;
        if (deepQueue) {
          idleWait = settings.pollMin().toMillis(); // a full batch: more is probably waiting, claim again soon
        } else if (leased == 0) {
          held.pause(idleWait);
          idleWait = Math.min(settings.pollMax().toMillis(), idleWait * 2);
        } else {
          idleWait = settings.pollMin().toMillis();
          held.pause(idleWait);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        metrics.claimFailed();
        LOG.warn("worker {}: claiming failed, retrying in {} ms: {}", settings.workerId(), settings.pollMax().toMillis(),
            e.toString());
        try {
          held.pause(settings.pollMax().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Leases up to {@code limit} jobs and hands them over, one group per tenant; returns how many it leased. */
  private int claimOnce(int limit) throws InterruptedException {
    long began = System.nanoTime();
    List<Lease> leased = claim.lease(settings.workerId(), settings.claim(limit, marketplaces));
    metrics.leased(System.nanoTime() - began);
    Map<TenantId, List<Lease>> byTenant = new LinkedHashMap<>();
    for (Lease lease : leased) {
      byTenant.computeIfAbsent(lease.tenant(), t -> new ArrayList<>()).add(lease);
    }
    for (Map.Entry<TenantId, List<Lease>> group : byTenant.entrySet()) {
      dispatch.submit(new LeaseGroup(group.getKey(), List.copyOf(group.getValue())));
    }
    return leased.size();
  }
}
