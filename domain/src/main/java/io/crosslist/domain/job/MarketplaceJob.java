package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A marketplace job: one piece of marketplace work for one tenant, with its lifecycle, attempts and
 * progress. Immutable: every transition returns the job as it is after the transition, and refuses
 * one the lifecycle ({@link JobStatus}) does not allow.
 *
 * <p>Attempts are counted when a job starts. A failed attempt is retried while attempts remain and
 * the failure is retryable; a worker that dies leaves a RUNNING job behind, which is {@linkplain
 * #rescue rescued} back to PENDING when its lease expires (at-least-once). Cancelling a PENDING job
 * ends it; cancelling a RUNNING job asks its handler to stop, and the job ends CANCELLED when the
 * handler returns.
 *
 * @param id null until the job is stored
 * @param product null unless the action acts on one product
 * @param batch null unless the job belongs to a batch
 * @param expiresAt null when the job never expires
 * @param lastError message of the last failed attempt, or null
 * @param result JSON text the handler returned on success, or null
 * @param idempotencyKey null when the caller gave none
 * @param startedAt start of the current or last attempt, or null
 * @param finishedAt when the job reached a terminal status, or null
 */
public record MarketplaceJob(JobId id, Marketplace marketplace, JobAction action, ProductId product, BatchId batch,
    JobStatus status, int priority, int attempts, int maxAttempts, Instant runAfter, Instant expiresAt,
    JobProgress progress, boolean cancelRequested, String lastError, String result, String idempotencyKey,
    Instant createdAt, Instant updatedAt, Instant startedAt, Instant finishedAt) {

  /** Longest error message kept; longer ones are cut, so a handler's stack dump cannot bloat the row. */
  public static final int MAX_ERROR = 2_000;

  public MarketplaceJob {
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(runAfter, "runAfter");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (attempts < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 0 and maxAttempts >= 1");
    }
  }

  /** The job's type: its marketplace and action. */
  public JobType type() {
    return new JobType(marketplace, action);
  }

  /** A new PENDING job for {@code request}, not stored yet. */
  public static MarketplaceJob pending(JobRequest request, Instant now) {
    Instant at = storable(now);
    Instant runAfter = request.runAfter() == null ? at : storable(request.runAfter());
    return new MarketplaceJob(null, request.marketplace(), request.action(), request.product(), request.batch(),
        JobStatus.PENDING, request.priority(), 0, request.maxAttempts(), runAfter,
        request.expiresAt() == null ? null : storable(request.expiresAt()), JobProgress.NONE, false, null, null,
        request.idempotencyKey(), at, at, null, null);
  }

  /** The same job with the id the store gave it. */
  public MarketplaceJob stored(JobId storedId) {
    if (id != null) {
      throw new IllegalStateException("job " + id + " is already stored");
    }
    return new MarketplaceJob(Objects.requireNonNull(storedId, "storedId"), marketplace, action, product, batch,
        status, priority, attempts, maxAttempts, runAfter, expiresAt, progress, cancelRequested, lastError, result,
        idempotencyKey, createdAt, updatedAt, startedAt, finishedAt);
  }

  /** Whether another attempt may start after this one. */
  public boolean hasAttemptsLeft() {
    return attempts < maxAttempts;
  }

  /** PENDING to RUNNING: a worker starts an attempt. */
  public MarketplaceJob start(Instant now) {
    require(JobStatus.RUNNING);
    if (!hasAttemptsLeft()) {
      throw new IllegalJobTransitionException(id, status, JobStatus.RUNNING);
    }
    Instant at = storable(now);
    return with(JobStatus.RUNNING, attempts + 1, runAfter, progress, lastError, result, at, at, null);
  }

  /** A RUNNING job's handler reports how far it is. */
  public MarketplaceJob withProgress(JobProgress newProgress, Instant now) {
    if (status != JobStatus.RUNNING) {
      throw new IllegalJobTransitionException(id, status, status);
    }
    return with(status, attempts, runAfter, Objects.requireNonNull(newProgress, "newProgress"), lastError, result,
        storable(now), startedAt, finishedAt);
  }

  /** RUNNING to COMPLETED with the handler's result (JSON text, may be null). */
  public MarketplaceJob complete(String resultJson, Instant now) {
    require(JobStatus.COMPLETED);
    Instant at = storable(now);
    // a handler's last report may come before its last step; a completed job has done all it counted
    JobProgress finished = progress.total() > 0 ? new JobProgress(progress.total(), progress.total(),
        progress.message()) : progress;
    return with(JobStatus.COMPLETED, attempts, runAfter, finished, lastError, resultJson, at, startedAt, at);
  }

  /**
   * A RUNNING job's attempt failed with a retryable error: back to PENDING until {@code retryAt}, or
   * FAILED when no attempt is left.
   */
  public MarketplaceJob retryLater(String error, Instant retryAt, Instant now) {
    if (cancelRequested) {
      return cancelled(now); // a cancellation request wins over another attempt
    }
    if (!hasAttemptsLeft()) {
      return fail(error + " (after " + attempts + " attempts)", now);
    }
    require(JobStatus.PENDING);
    return with(JobStatus.PENDING, attempts, storable(Objects.requireNonNull(retryAt, "retryAt")), progress,
        shorten(error), result, storable(now), startedAt, null);
  }

  /** RUNNING to FAILED: a permanent failure, or the last attempt failed. */
  public MarketplaceJob fail(String error, Instant now) {
    require(JobStatus.FAILED);
    Instant at = storable(now);
    return with(JobStatus.FAILED, attempts, runAfter, progress, shorten(error), result, at, startedAt, at);
  }

  /**
   * A RUNNING job whose worker stopped renewing its lease: back to PENDING to run again, or FAILED
   * when its attempts are used up.
   */
  public MarketplaceJob rescue(Instant now) {
    String error = "the worker running attempt " + attempts + " stopped renewing its lease";
    if (cancelRequested) {
      return cancelled(now);
    }
    if (!hasAttemptsLeft()) {
      return fail(error, now);
    }
    require(JobStatus.PENDING);
    Instant at = storable(now);
    return with(JobStatus.PENDING, attempts, at, progress, error, result, at, startedAt, null);
  }

  /**
   * A RUNNING job whose worker shut down before the handler returned: back to PENDING at once, and
   * the interrupted attempt is not counted, since the job did not fail.
   */
  public MarketplaceJob interrupted(Instant now) {
    if (cancelRequested) {
      return cancelled(now);
    }
    require(JobStatus.PENDING);
    if (status != JobStatus.RUNNING) {
      throw new IllegalJobTransitionException(id, status, JobStatus.PENDING);
    }
    Instant at = storable(now);
    return with(JobStatus.PENDING, attempts - 1, at, progress, "interrupted by a worker shutdown", result, at,
        startedAt, null);
  }

  /**
   * Cancels the job: a PENDING job ends CANCELLED at once; a RUNNING job is marked so that its
   * handler stops, and ends CANCELLED when it returns ({@link #cancelled}).
   */
  public MarketplaceJob requestCancellation(Instant now) {
    Instant at = storable(now);
    if (status == JobStatus.RUNNING) {
      return new MarketplaceJob(id, marketplace, action, product, batch, status, priority, attempts, maxAttempts,
          runAfter, expiresAt, progress, true, lastError, result, idempotencyKey, createdAt, at, startedAt,
          finishedAt);
    }
    require(JobStatus.CANCELLED);
    return with(JobStatus.CANCELLED, attempts, runAfter, progress, lastError, result, at, startedAt, at);
  }

  /** RUNNING to CANCELLED: the handler stopped after a cancellation request. */
  public MarketplaceJob cancelled(Instant now) {
    require(JobStatus.CANCELLED);
    Instant at = storable(now);
    return with(JobStatus.CANCELLED, attempts, runAfter, progress, lastError, result, at, startedAt, at);
  }

  /** Whether a PENDING job's expiry time has passed at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return status == JobStatus.PENDING && expiresAt != null && !now.isBefore(expiresAt);
  }

  /** PENDING to EXPIRED, once its expiry time has passed. */
  public MarketplaceJob expire(Instant now) {
    require(JobStatus.EXPIRED);
    if (!isExpiredAt(now)) {
      throw new IllegalStateException("job " + id + " does not expire before " + expiresAt);
    }
    Instant at = storable(now);
    return with(JobStatus.EXPIRED, attempts, runAfter, progress, lastError, result, at, startedAt, at);
  }

  /** FAILED to PENDING: a user retries a failed job, with a fresh set of attempts. */
  public MarketplaceJob retry(Instant now) {
    require(JobStatus.PENDING);
    if (status != JobStatus.FAILED) {
      throw new IllegalJobTransitionException(id, status, JobStatus.PENDING);
    }
    Instant at = storable(now);
    return new MarketplaceJob(id, marketplace, action, product, batch, JobStatus.PENDING, priority, 0, maxAttempts,
        at, null, progress, false, lastError, null, idempotencyKey, createdAt, at, null, null);
  }

  private void require(JobStatus target) {
    if (!status.canBecome(target)) {
      throw new IllegalJobTransitionException(id, status, target);
    }
  }

  private MarketplaceJob with(JobStatus newStatus, int newAttempts, Instant newRunAfter, JobProgress newProgress,
      String newError, String newResult, Instant newUpdatedAt, Instant newStartedAt, Instant newFinishedAt) {
    return new MarketplaceJob(id, marketplace, action, product, batch, newStatus, priority, newAttempts, maxAttempts,
        newRunAfter, expiresAt, newProgress, cancelRequested && !newStatus.isTerminal(), newError, newResult,
        idempotencyKey, createdAt, newUpdatedAt, newStartedAt, newFinishedAt);
  }

  private static String shorten(String error) {
    String e = error == null || error.isBlank() ? "unknown error" : error;
    return e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR - 3) + "...";
  }

  // PostgreSQL keeps microseconds; trimming here makes a stored job equal to the one written.
  private static Instant storable(Instant at) {
    return Objects.requireNonNull(at, "time").truncatedTo(ChronoUnit.MICROS);
  }
}
