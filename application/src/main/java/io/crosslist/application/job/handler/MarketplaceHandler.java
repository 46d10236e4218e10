package io.crosslist.application.job.handler;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import java.util.Objects;

/**
 * Base of the handlers that call a marketplace: turns a {@link MarketplaceException} into a retryable
 * or permanent failure, and gives the common checks a name.
 */
abstract class MarketplaceHandler implements JobHandler {
  protected final MarketplaceGateway gateway;
  private final JobAction action;

  MarketplaceHandler(MarketplaceGateway gateway, JobAction action) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.action = Objects.requireNonNull(action, "action");
  }

  @Override
  public final Marketplace marketplace() {
    return gateway.marketplace();
  }

  @Override
  public final JobAction action() {
    return action;
  }

  @Override
  public final JobOutcome handle(JobContext context) {
    try {
      return run(context);
    } catch (MarketplaceException e) {
      return e.retryable() ? JobOutcome.retryableFailure(e.getMessage()) : JobOutcome.permanentFailure(e.getMessage());
    } catch (Refused e) {
      return JobOutcome.permanentFailure(e.getMessage());
    }
  }

  abstract JobOutcome run(JobContext context);

  /** The job's product, stored and live; refused (permanently) when the job has none or it is gone. */
  static Product productOf(JobContext context, ProductRepository products) {
    if (context.job().product() == null) {
      throw new Refused(context.job().action() + " needs a product, and job " + context.job().id() + " has none");
    }
    return products.findById(context.tenant(), context.job().product())
        .orElseThrow(() -> new Refused("product " + context.job().product() + " does not exist"));
  }

  /** The key a marketplace call is made idempotent with: the job's own key, else one derived from the job. */
  static String idempotencyKey(JobContext context) {
    String key = context.job().idempotencyKey();
    return key != null ? key : "crosslist-" + context.tenant().value() + "-job-" + context.job().id().value();
  }

  /** A failure no attempt will fix, raised inside a handler. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
