package io.crosslist.application.job.handler;

import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.Violations;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.MarketplaceTask;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.job.TaskStatus;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.ProductEnrichment;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ENRICH_PRODUCTS: asks the marketplace for a better description of the job's product, or of every
 * draft of the tenant without a description, with at most {@code parallelism} calls in flight per job.
 * Only empty descriptions are filled, so a job that runs again skips what it enriched before; a
 * product the reseller edited meanwhile is left alone.
 *
 * <p>A job enqueued with named products ({@code EnrichProductsUseCase}) has one step per product instead: each
 * named product gets the marketplace's description whatever its status and description, one after the other, each
 * step recorded with its outcome ({@code enriched}, {@code not-found}, {@code edited-meanwhile}, {@code
 * no-suggestion}), so a retried job resumes after the products it did. The result lists every product's outcome.
 */
public final class EnrichProductsHandler extends MarketplaceHandler {
  /** Most drafts one job enriches. */
  public static final int MAX_PRODUCTS = 1_000;
  private static final String STEP_PREFIX = "enrich product ";
  private final ProductRepository products;
  private final MarketplaceTaskRepository tasks;
  private final Executor executor;
  private final int parallelism;
  private final Clock clock;

  /**
   * @param executor runs the marketplace calls; shared by all jobs, so size it for parallelism times the
   *     number of handler threads
   * @param parallelism calls in flight for one job, 1 to 64
   */
  public EnrichProductsHandler(MarketplaceGateway gateway, ProductRepository products, MarketplaceTaskRepository tasks,
      Executor executor, int parallelism, Clock clock) {
    super(gateway, JobAction.ENRICH_PRODUCTS);
    new Violations().require(parallelism >= 1 && parallelism <= 64, "parallelism", "must be between 1 and 64")
        .throwIfAny();
    this.products = Objects.requireNonNull(products, "products");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.parallelism = parallelism;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The name of the step that enriches {@code product} in a job of named products. */
  public static String stepName(ProductId product) {
    return STEP_PREFIX + product.value();
  }

  @Override
  JobOutcome run(JobContext context) {
    TenantId tenant = context.tenant();
    List<MarketplaceTask> named = tasks.steps(tenant, context.job().id());
    if (!named.isEmpty()) {
      return runNamed(context, named);
    }
    List<Product> targets = context.job().product() != null ? List.of(productOf(context, products))
        : drafts(tenant);
    targets = targets.stream().filter(p -> p.details().description().isBlank()).toList();
    Semaphore inFlight = new Semaphore(parallelism);
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger enriched = new AtomicInteger();
    AtomicReference<MarketplaceException> failure = new AtomicReference<>();
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    int total = targets.size();
    for (Product product : targets) {
      if (context.cancellation().isCancelled() || failure.get() != null) {
        break;
      }
      inFlight.acquireUninterruptibly();
      calls.add(CompletableFuture.runAsync(() -> {
        try {
          ProductEnrichment suggestion = gateway.enrich(tenant, product); // the tenant is passed, never ambient
          if (suggestion.description() != null && apply(tenant, product, suggestion.description())) {
            enriched.incrementAndGet();
          }
        } catch (MarketplaceException e) {
          failure.compareAndSet(null, e);
        } finally {
          inFlight.release();
          int n = finished.incrementAndGet();
          context.progress().report(new JobProgress(n, total, "enriched " + enriched.get() + " of " + total));
        }
      }, executor));
    }
    try {
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobOutcome.retryableFailure("interrupted while enriching");
    } catch (ExecutionException e) {
      return JobOutcome.retryableFailure("enrichment failed: " + e.getCause());
    }
    if (failure.get() != null) {
      throw failure.get(); // what was enriched stays; the next attempt does the rest
    }
    if (context.cancellation().isCancelled()) {
      return JobOutcome.cancelled();
    }
    return JobOutcome.success(JsonText.object().with("candidates", total).with("enriched", enriched.get())
        .toString());
  }

  /** The named products, one step each, in order; completed steps are skipped (a retry resumes). */
  private JobOutcome runNamed(JobContext context, List<MarketplaceTask> steps) {
    TenantId tenant = context.tenant();
    List<MarketplaceTask> ordered = steps.stream().sorted(Comparator.comparingInt(MarketplaceTask::position)).toList();
    int total = ordered.size();
    int done = 0;
    for (MarketplaceTask step : ordered) {
      if (step.status() != TaskStatus.COMPLETED) {
        if (context.cancellation().isCancelled()) {
          return JobOutcome.cancelled();
        }
        String text = step.name().substring(STEP_PREFIX.length());
        ProductId id = ProductId.of(CanonicalId.parse(text).orElseThrow(() -> new IllegalStateException(
            "step " + step.position() + " of job " + context.job().id() + " names no product: " + step.name())));
        String outcome = enrichNamed(tenant, id); // a MarketplaceException fails the attempt; done steps stay done
        tasks.save(tenant, step.completed(JsonText.object().with("productId", id.value()).with("outcome", outcome)
            .toString(), clock.instant()));
      }
      done++;
      context.progress().report(new JobProgress(done, total, "enriched " + done + " of " + total + " products"));
    }
    StringBuilder outcomes = new StringBuilder("[");
    int enriched = 0;
    for (MarketplaceTask step : tasks.steps(tenant, context.job().id())) {
      outcomes.append(outcomes.length() > 1 ? "," : "").append(step.result());
      enriched += step.result() != null && step.result().contains("\"enriched\"") ? 1 : 0;
    }
    return JobOutcome.success("{\"candidates\":" + total + ",\"enriched\":" + enriched + ",\"products\":"
        + outcomes.append(']') + "}");
  }

  private String enrichNamed(TenantId tenant, ProductId id) {
    Optional<Product> product = products.findById(tenant, id); // a deleted product is not found
    if (product.isEmpty()) {
      return "not-found";
    }
    ProductEnrichment suggestion = gateway.enrich(tenant, product.get());
    if (suggestion.description() == null) {
      return "no-suggestion";
    }
    return apply(tenant, product.get(), suggestion.description()) ? "enriched" : "edited-meanwhile";
  }

  private boolean apply(TenantId tenant, Product product, String description) {
    ProductDetails d = product.details();
    String text = description.length() > ProductDetails.MAX_DESCRIPTION
        ? description.substring(0, ProductDetails.MAX_DESCRIPTION) : description;
    try {
      products.update(tenant, product.withDetails(d.withDescription(text), clock.instant()));
      return true;
    } catch (ConcurrentUpdateException e) {
      return false; // edited meanwhile: the reseller's text wins
    }
  }

  private List<Product> drafts(TenantId tenant) {
    List<Product> drafts = new ArrayList<>();
    PageCursor after = null;
    do {
      Page<Product> page = products.search(tenant, ProductSearch.firstPage().withStatus(ProductStatus.DRAFT)
          .withLimit(ProductSearch.MAX_LIMIT).after(after));
      drafts.addAll(page.items());
      after = page.next();
    } while (after != null && drafts.size() < MAX_PRODUCTS);
    return drafts.size() > MAX_PRODUCTS ? drafts.subList(0, MAX_PRODUCTS) : drafts;
  }
}
