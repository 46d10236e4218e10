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
 * on every marketplace; catalogue import on eBay; orders sync on eBay and a host's marketplaces but Vinted ({@link OrdersSyncHandler}) and Etsy
 * ({@link EtsyOrderHandler}: Etsy order polling enqueues it per order), both recording through one {@link
 * OrderRecorder}.
 */
public final class StandardHandlers {
  /** How far back an orders sync looks. */
  public static final Duration ORDERS_LOOKBACK = Duration.ofDays(30);

  private StandardHandlers() {}

  /**
   * @param enrichment runs enrichment calls (bounded per job by {@code enrichmentParallelism})
   * @param orders records the orders the orders syncs see
   */
  public static List<JobHandler> create(MarketplaceGateways gateways, ProductRepository products,
      ListingRepository listings, MarketplaceTaskRepository tasks, UnitOfWork unitOfWork, Clock clock,
      Executor enrichment, int enrichmentParallelism, OrderRecorder orders) {
    List<JobHandler> handlers = new ArrayList<>();
    for (MarketplaceGateway gateway : gateways.all()) {
      handlers.add(new PublishListingHandler(gateway, products, listings, unitOfWork, clock));
      handlers.add(new UpdateListingHandler(gateway, products, listings, clock));
      handlers.add(new DeleteListingHandler(gateway, products, listings, clock));
      handlers.add(new EnrichProductsHandler(gateway, products, tasks, enrichment, enrichmentParallelism, clock));
      if (gateway.marketplace().equals(Marketplace.EBAY)) {
        handlers.add(new CatalogueImportHandler(gateway, products, tasks, unitOfWork, clock, 50, 50));
      }
      if (gateway.marketplace().equals(Marketplace.ETSY)) {
        handlers.add(new EtsyOrderHandler(gateway, orders, clock, ORDERS_LOOKBACK));
      } else if (!gateway.marketplace().equals(Marketplace.VINTED)) { // Vinted has no orders API
        handlers.add(new OrdersSyncHandler(gateway, orders, clock, ORDERS_LOOKBACK));
      }
    }
    return handlers;
  }
}
