package io.crosslist.domain.job;

import io.crosslist.domain.Violations;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a caller asks for when it enqueues a job. Validated as a whole; whether the job's type is served, and
 * whether it must name a product, is checked at enqueue against the handlers of the deployment.
 *
 * @param marketplace where the work happens
 * @param action what it does
 * @param product the product it acts on: required when the type's handler {@linkplain JobHandler#needsProduct()
 *     needs one} (PUBLISH, UPDATE and DELETE), absent otherwise
 * @param batch the batch it belongs to, or null
 * @param priority -100 (last) to 100 (first), 0 by default
 * @param maxAttempts 1 to {@value #MAX_ATTEMPTS}, {@value #DEFAULT_MAX_ATTEMPTS} by default
 * @param runAfter earliest start; null to run as soon as possible
 * @param expiresAt a job still PENDING at this time becomes EXPIRED; null for never. Must be after runAfter
 * @param idempotencyKey enqueuing the same key twice yields the first job; 1 to 200 printable ASCII characters, or null
 */
public record JobRequest(Marketplace marketplace, JobAction action, ProductId product, BatchId batch, int priority,
    int maxAttempts, Instant runAfter, Instant expiresAt, String idempotencyKey) {

  public static final int MAX_ATTEMPTS = 25;
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  public JobRequest {
    Violations v = new Violations();
    v.require(marketplace != null, "marketplace", "is required");
    v.require(action != null, "action", "is required");
    v.require(priority >= -100 && priority <= 100, "priority", "must be between -100 and 100");
    v.require(maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS, "maxAttempts", "must be between 1 and " + MAX_ATTEMPTS);
    v.require(expiresAt == null || runAfter == null || expiresAt.isAfter(runAfter), "expiresAt",
        "must be after runAfter");
    v.require(idempotencyKey == null || KEY.matcher(idempotencyKey).matches(), "idempotencyKey",
        "must be 1 to 200 printable ASCII characters without spaces");
    v.throwIfAny();
  }

  /** The job's type: its marketplace and action. */
  public JobType type() {
    return new JobType(marketplace, action);
  }

  /** A request with the defaults: priority 0, {@value #DEFAULT_MAX_ATTEMPTS} attempts, now, no expiry, no key. */
  public static JobRequest of(Marketplace marketplace, JobAction action, ProductId product) {
    return new JobRequest(marketplace, action, product, null, 0, DEFAULT_MAX_ATTEMPTS, null, null, null);
  }

  public JobRequest withIdempotencyKey(String key) {
    return new JobRequest(marketplace, action, product, batch, priority, maxAttempts, runAfter, expiresAt, key);
  }

  public JobRequest inBatch(BatchId batchId) {
    return new JobRequest(marketplace, action, product, batchId, priority, maxAttempts, runAfter, expiresAt,
        idempotencyKey);
  }

  public JobRequest expiringAt(Instant at) {
    return new JobRequest(marketplace, action, product, batch, priority, maxAttempts, runAfter, at, idempotencyKey);
  }

  public JobRequest withMaxAttempts(int attempts) {
    return new JobRequest(marketplace, action, product, batch, priority, attempts, runAfter, expiresAt,
        idempotencyKey);
  }

  /** The same request, not to run before {@code at}. */
  public JobRequest runningAfter(Instant at) {
    return new JobRequest(marketplace, action, product, batch, priority, maxAttempts, at, expiresAt, idempotencyKey);
  }

  /** The same request with another priority (-100 to 100, higher first). */
  public JobRequest withPriority(int newPriority) {
    return new JobRequest(marketplace, action, product, batch, newPriority, maxAttempts, runAfter, expiresAt,
        idempotencyKey);
  }
}
