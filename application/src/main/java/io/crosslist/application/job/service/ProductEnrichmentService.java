package io.crosslist.application.job.service;

import io.crosslist.application.job.handler.EnrichProductsHandler;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.EnrichProductsUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceTask;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.job.TaskStatus;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link EnrichProductsUseCase}: the job and its steps (one per product, named as {@link
 * EnrichProductsHandler#stepName} says) in one transaction, so no worker starts the job before its products are
 * stored with it.
 */
public final class ProductEnrichmentService implements EnrichProductsUseCase {
  private final EnqueueJobUseCase enqueue;
  private final MarketplaceTaskRepository tasks;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public ProductEnrichmentService(EnqueueJobUseCase enqueue, MarketplaceTaskRepository tasks, UnitOfWork unitOfWork,
      Clock clock) {
    this.enqueue = Objects.requireNonNull(enqueue, "enqueue");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MarketplaceJob enrich(TenantId tenant, Marketplace marketplace, List<ProductId> products,
      String idempotencyKey) {
    Objects.requireNonNull(tenant, "tenant");
    if (products == null || products.isEmpty() || products.size() > MAX_PRODUCTS) {
      throw ValidationException.of("productIds", "must name 1 to " + MAX_PRODUCTS + " products");
    }
    Set<ProductId> seen = new HashSet<>();
    for (int i = 0; i < products.size(); i++) {
      if (products.get(i) == null) {
        throw ValidationException.of("productIds[" + i + "]", "must be a product id");
      }
      if (!seen.add(products.get(i))) {
        throw ValidationException.of("productIds[" + i + "]", "repeats product " + products.get(i).value());
      }
    }
    JobRequest request = JobRequest.of(marketplace, JobAction.ENRICH_PRODUCTS, null);
    JobRequest keyed = idempotencyKey == null ? request : request.withIdempotencyKey(idempotencyKey);
    return unitOfWork.inTransaction(tenant, () -> {
      MarketplaceJob job = enqueue.enqueue(tenant, keyed);
      if (tasks.steps(tenant, job.id()).isEmpty()) { // an idempotent repeat keeps the first job's products
        for (int i = 0; i < products.size(); i++) {
          tasks.save(tenant, new MarketplaceTask(job.id(), i + 1, EnrichProductsHandler.stepName(products.get(i)),
              TaskStatus.PENDING, null, clock.instant()));
        }
      }
      return job;
    });
  }
}
