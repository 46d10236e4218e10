package io.crosslist.application.job.service;

import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine knows of one running attempt; the handler's thread and the engine's share it. It stores the
 * handler's progress reports (at most one write per {@code progressInterval}; the last report is stored with the
 * outcome anyway) and answers whether the job was cancelled or moved on (reading the job at most once per {@code
 * cancellationCheckInterval}).
 */
final class RunningAttempt {
  private final MarketplaceJobRepository jobs;
  private final JobRunSettings settings;
  private final Clock clock;
  private final TenantId tenant;
  private final MarketplaceJob claimed;
  private MarketplaceJob current;
  private volatile JobProgress lastReported;
  private volatile boolean lost;
  private volatile boolean cancelled;
  private long lastProgressWrite;
  private long lastCancellationRead;

  RunningAttempt(ClaimedJob job, MarketplaceJobRepository jobs, JobRunSettings settings, Clock clock) {
    this.jobs = jobs;
    this.settings = settings;
    this.clock = clock;
    this.tenant = job.tenant();
    this.claimed = job.job();
    this.current = job.job();
    this.cancelled = job.job().cancelRequested();
    long now = System.nanoTime();
    this.lastProgressWrite = now - settings.progressInterval().toNanos() - 1;
    this.lastCancellationRead = now;
  }

  /** Whether the stored job is still the one the attempt of {@code claimed} runs. */
  static boolean ownedBy(MarketplaceJob claimed, MarketplaceJob stored) {
    return stored.status() == JobStatus.RUNNING && stored.attempts() == claimed.attempts();
  }

  /** The handler's last progress report, or null. */
  JobProgress lastReported() {
    return lastReported;
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
