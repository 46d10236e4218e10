package io.crosslist.application.job.handler;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The handlers Crosslist ships, for the gateways a host provides: publish, update, delete and enrich
 * on every marketplace; catalogue import on eBay; orders sync on eBay and Etsy
 * (Etsy order polling enqueues it per order; each run records the orders once).
 */
public final class StandardHandlers {
  private StandardHandlers() {}

  /**
   * @param enrichment runs enrichment calls (bounded per job by {@code enrichmentParallelism})
   */
  public static List<JobHandler> create(MarketplaceGateways gateways, ProductRepository products,
      ListingRepository listings, MarketplaceTaskRepository tasks, UnitOfWork unitOfWork, Clock clock,
      Executor enrichment, int enrichmentParallelism) {
    List<JobHandler> handlers = new ArrayList<>();
    for (MarketplaceGateway gateway : gateways.all()) {
      handlers.add(new PublishListingHandler(gateway, products, listings, unitOfWork, clock));
      handlers.add(new UpdateListingHandler(gateway, products, listings, clock));
      handlers.add(new DeleteListingHandler(gateway, products, listings, clock));
      handlers.add(new EnrichProductsHandler(gateway, products, tasks, enrichment, enrichmentParallelism, clock));
      if (gateway.marketplace().equals(Marketplace.EBAY)) {
        handlers.add(new CatalogueImportHandler(gateway, products, tasks, unitOfWork, clock, 50, 50));
      }
      if (!gateway.marketplace().equals(Marketplace.VINTED)) { // Vinted has no orders API
        handlers.add(new OrdersSyncHandler(gateway, products, listings, unitOfWork, clock, Duration.ofDays(30)));
      }
    }
    return handlers;
  }
}
