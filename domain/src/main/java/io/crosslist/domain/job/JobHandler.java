package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;

/**
 * Out-port: does the work of one {@link JobType} (marketplace, action). The handlers registered in a deployment
 * are the job types it serves: enqueuing a job of another type is refused. A host adds a type by registering a
 * handler for it, for a new marketplace, a new action or both. The engine calls it for a claimed job with the
 * job's tenant; a handler reads and writes only that tenant's data. It runs at least once per job
 * (a job whose worker died runs again), so an effect on the marketplace must be keyed by the job's
 * idempotency key, and a handler resumes after the steps it completed before.
 *
 * <pre>{@code
 * final class RepriceOnDepop implements JobHandler {
 *   static final Marketplace DEPOP = Marketplace.of("DEPOP");
 *   static final JobAction REPRICE = JobAction.of("REPRICE");
 *   public Marketplace marketplace() { return DEPOP; }
 *   public JobAction action() { return REPRICE; }
 *   public boolean needsProduct() { return true; } // a new action says whether its jobs name a product
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

  /**
   * Whether a job of this handler's type must name the product it acts on: enqueue refuses a job without one
   * when true, and a job with one when false. For a built-in action the answer is fixed (true for {@link
   * JobAction#PRODUCT_ACTIONS}, false for the others) and this default gives it; a handler of a new action must
   * declare it, and this default refuses to guess (the handler is refused when it is registered).
   *
   * @throws IllegalStateException for an action that is not built in, unless overridden
   */
  default boolean needsProduct() {
    if (!action().isBuiltIn()) {
      throw new IllegalStateException(getClass().getName() + " handles the new action " + action()
          + ": it must declare needsProduct() (whether its jobs name a product)");
    }
    return JobAction.PRODUCT_ACTIONS.contains(action());
  }

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
