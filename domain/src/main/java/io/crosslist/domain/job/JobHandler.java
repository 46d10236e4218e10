package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;

/**
 * Out-port: does the work of one (marketplace, action). The engine calls it for a claimed job with the
 * job's tenant; a handler reads and writes only that tenant's data. It runs at least once per job
 * (a job whose worker died runs again), so an effect on the marketplace must be keyed by the job's
 * idempotency key, and a handler resumes after the steps it completed before.
 *
 * <pre>{@code
 * final class PublishToVinted implements JobHandler {
 *   public Marketplace marketplace() { return Marketplace.VINTED; }
 *   public JobAction action() { return JobAction.PUBLISH; }
 *   public JobOutcome handle(JobContext context) {
 *     context.progress().report(new JobProgress(0, 1, "creating listing"));
 *     if (context.cancellation().isCancelled()) {
 *       return JobOutcome.cancelled();
 *     }
 *     ...
 *     return JobOutcome.success("{\"listingId\":\"123\"}");
 *   }
 * }
 * }</pre>
 */
public interface JobHandler {

  Marketplace marketplace();

  JobAction action();

  /** Runs one attempt. Throwing is treated as a retryable failure with the exception's message. */
  JobOutcome handle(JobContext context);

  /**
   * What a handler receives.
   *
   * @param tenant whose job it is; the only tenant the handler may touch
   * @param job the job as it was when the attempt started
   * @param progress where to report progress; persisted without holding the claim open
   * @param cancellation asks whether the job was cancelled while it runs
   */
  record JobContext(TenantId tenant, MarketplaceJob job, ProgressReporter progress, CancellationSignal cancellation) {}

  /** Reports progress of a running job. */
  @FunctionalInterface
  interface ProgressReporter {
    void report(JobProgress progress);
  }

  /** Tells a running handler whether its job was cancelled. */
  @FunctionalInterface
  interface CancellationSignal {
    boolean isCancelled();
  }

  /** How an attempt ended. */
  sealed interface JobOutcome {
    static JobOutcome success(String resultJson) {
      return new Success(resultJson);
    }

    static JobOutcome retryableFailure(String error) {
      return new RetryableFailure(error);
    }

    static JobOutcome permanentFailure(String error) {
      return new PermanentFailure(error);
    }

    static JobOutcome cancelled() {
      return new Cancelled();
    }

    /** The work is done; {@code resultJson} (may be null) is stored with the job. */
    record Success(String resultJson) implements JobOutcome {}

    /** The attempt failed but another may succeed (timeouts, rate limits, 5xx). */
    record RetryableFailure(String error) implements JobOutcome {}

    /** No attempt will succeed (invalid listing, revoked account): the job ends FAILED. */
    record PermanentFailure(String error) implements JobOutcome {}

    /** The handler stopped because the job was cancelled. */
    record Cancelled() implements JobOutcome {}
  }
}
