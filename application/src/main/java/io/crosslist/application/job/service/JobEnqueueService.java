package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.EnqueueBatchUseCase;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.BatchNotFoundException;
import io.crosslist.domain.job.BatchRepository;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Enqueues jobs one by one or as a batch (one transaction for the batch and all its jobs). A (marketplace,
 * action) pair that no handler serves, or a product its handler requires and is missing (or forbids and is
 * given), is refused before anything is stored ({@link JobHandlers#requireServed}).
 */
public final class JobEnqueueService implements EnqueueJobUseCase, EnqueueBatchUseCase {
  private final MarketplaceJobRepository jobs;
  private final BatchRepository batches;
  private final ProductRepository products;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final JobHandlers handlers;

  /** @param handlers the handlers of this deployment: a request none of them serves is refused at once */
  public JobEnqueueService(MarketplaceJobRepository jobs, BatchRepository batches, ProductRepository products,
      UnitOfWork unitOfWork, Clock clock, JobHandlers handlers) {
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.batches = Objects.requireNonNull(batches, "batches");
    this.products = Objects.requireNonNull(products, "products");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MarketplaceJob enqueue(TenantId tenant, JobRequest request) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(request, "request");
    handlers.requireServed(request);
    return unitOfWork.inTransaction(tenant, () -> {
      requireLiveProduct(tenant, request);
      return jobs.enqueue(tenant, MarketplaceJob.pending(request, clock.instant()));
    });
  }

  @Override
  public BatchJob enqueue(EnqueueBatchCommand command) {
    TenantId tenant = command.tenant();
    for (int i = 0; i < command.requests().size(); i++) {
      try {
        handlers.requireServed(command.requests().get(i));
      } catch (ValidationException e) {
        throw e.nestedUnder("jobs[" + i + "]");
      }
    }
    return unitOfWork.inTransaction(tenant, () -> {
      Instant now = clock.instant();
      BatchJob batch = batches.create(tenant, command.description(), now);
      for (JobRequest request : command.requests()) {
        requireLiveProduct(tenant, request);
        jobs.enqueue(tenant, MarketplaceJob.pending(request.inBatch(batch.id()), now));
      }
      return batches.findById(tenant, batch.id()).orElseThrow(() -> new BatchNotFoundException(batch.id()));
    });
  }

  /** A job about a product needs that product, live (not deleted), in the same tenant. */
  private void requireLiveProduct(TenantId tenant, JobRequest request) {
    ProductId product = request.product();
    if (product != null && products.findById(tenant, product).isEmpty()) {
      throw new ProductNotFoundException(product);
    }
  }
}
