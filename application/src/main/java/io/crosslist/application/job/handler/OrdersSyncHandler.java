package io.crosslist.application.job.handler;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SYNC_ORDERS (the eBay orders sync): records the marketplace's orders of the last {@code lookback}
 * and, for an order new to Crosslist, takes the quantity off the product's stock; a published product
 * whose stock reaches zero is SOLD. Each order is recorded with its stock change in one transaction,
 * so running the job again changes nothing twice.
 */
public final class OrdersSyncHandler extends MarketplaceHandler {
  private final ProductRepository products;
  private final ListingRepository listings;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final Duration lookback;

  public OrdersSyncHandler(MarketplaceGateway gateway, ProductRepository products, ListingRepository listings,
      UnitOfWork unitOfWork, Clock clock, Duration lookback) {
    super(gateway, JobAction.SYNC_ORDERS);
    this.products = Objects.requireNonNull(products, "products");
    this.listings = Objects.requireNonNull(listings, "listings");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lookback = Objects.requireNonNull(lookback, "lookback");
  }

  @Override
  JobOutcome run(JobContext context) {
    List<MarketplaceOrder> orders = gateway.ordersSince(context.tenant(), clock.instant().minus(lookback));
    int recorded = 0;
    int sold = 0;
    for (int i = 0; i < orders.size(); i++) {
      if (context.cancellation().isCancelled()) {
        return JobOutcome.cancelled();
      }
      MarketplaceOrder order = orders.get(i);
      int[] effect = unitOfWork.inTransaction(context.tenant(), () -> record(context, order));
      recorded += effect[0];
      sold += effect[1];
      context.progress().report(new JobProgress(i + 1, orders.size(), "synced " + (i + 1) + " orders"));
    }
    return JobOutcome.success(JsonText.object().with("orders", orders.size()).with("new", recorded)
        .with("sold", sold).toString());
  }

  /** {new order 0/1, product sold 0/1}. */
  private int[] record(JobContext context, MarketplaceOrder order) {
    Optional<MarketplaceListing> listing = listings.findByExternalId(context.tenant(), marketplace(),
        order.listingExternalId());
    Optional<Product> product = listing.flatMap(l -> products.findById(context.tenant(), l.product()));
    if (!listings.recordOrder(context.tenant(), marketplace(), order, product.map(Product::id).orElse(null))) {
      return new int[] {0, 0};
    }
    if (product.isEmpty() || product.get().status() == ProductStatus.SOLD
        || product.get().status() == ProductStatus.ARCHIVED) {
      return new int[] {1, 0};
    }
    Instant now = clock.instant();
    ProductDetails d = product.get().details();
    int left = Math.max(0, d.stockQuantity() - order.quantity());
    Product updated = products.update(context.tenant(), product.get().withDetails(d.withStockQuantity(left), now));
    if (left == 0 && updated.status() == ProductStatus.PUBLISHED) {
      products.update(context.tenant(), updated.changeStatus(ProductStatus.SOLD, now));
      return new int[] {1, 1};
    }
    return new int[] {1, 0};
  }
}
