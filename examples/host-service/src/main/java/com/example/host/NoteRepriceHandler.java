package com.example.host;

import io.crosslist.adapter.persistence.TenantMappers;
import io.crosslist.application.product.port.in.GetProductUseCase;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The host's handler for a new job type, {@code ETSY REPRICE}: it suggests a price 10 % lower and keeps the
 * suggestion as a note in the host's own table. It runs through Crosslist's worker like Crosslist's own handlers
 * (leases, heartbeats, retries): a failure it calls retryable is tried again with backoff. Registered with
 * {@code CrosslistModule.jobHandlers(binder()).addBinding().to(NoteRepriceHandler.class)}.
 */
public final class NoteRepriceHandler implements JobHandler {
  public static final JobAction REPRICE = JobAction.of("REPRICE");
  private final GetProductUseCase products;
  private final TenantMappers mappers;
  private final PriceOracle oracle;

  /** Where the handler learns whether the price service answers (the tests make it fail once). */
  public interface PriceOracle {
    boolean available();
  }

  @Inject
  public NoteRepriceHandler(GetProductUseCase products, TenantMappers mappers, PriceOracle oracle) {
    this.products = products;
    this.mappers = mappers;
    this.oracle = oracle;
  }

  @Override
  public Marketplace marketplace() {
    return Marketplace.ETSY;
  }

  @Override
  public JobAction action() {
    return REPRICE;
  }

  @Override
  public boolean needsProduct() {
    return true; // a REPRICE job names the product it reprices
  }

  @Override
  public JobOutcome handle(JobContext context) {
    if (!oracle.available()) {
      return JobOutcome.retryableFailure("the price service did not answer");
    }
    Product product = products.get(context.tenant(), context.job().product());
    BigDecimal suggested = product.details().price().amount().multiply(new BigDecimal("0.90"))
        .setScale(2, RoundingMode.HALF_UP);
    String note = "suggested Etsy price " + suggested + " " + product.details().price().currency();
    mappers.call(context.tenant(), ProductNoteMapper.class,
        m -> m.insert(context.tenant(), product.id().value(), note));
    return JobOutcome.success("{\"suggested\": \"" + suggested + "\"}");
  }
}
