package io.crosslist.application.job.handler;

import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.marketplace.OrderStatus;
import io.crosslist.domain.marketplace.RecordedOrder;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records marketplace orders, for every orders-sync handler (eBay's, Etsy's): an order is recorded once and settled
 * once, in one transaction with its effects. Settling takes the order's quantity off its product's stock; a
 * published product left with none is SOLD, the listing the order came through is SOLD, and the product's listings
 * on the other marketplaces are withdrawn ({@link ListingWithdrawals}). An order for more than the stock left (the
 * product sold out on another marketplace first) is OVERSOLD: it takes what is left, and an {@value #OVERSELL} entry
 * in the error log names the order, the marketplace and the product, so that the reseller cancels it.
 *
 * <p>Two orders for the last unit, settled at once on two marketplaces, cannot both take it: the stock is written
 * with the product's version, so the later writer gets a {@link ConcurrentUpdateException}, its transaction rolls
 * back, and it settles again on the stock as the first left it (at most {@value #MAX_TRIES} tries).
 */
public final class OrderRecorder {
  /** The error log's type for an order that arrived after its product sold out. */
  public static final String OVERSELL = "OVERSELL";
  /** How many times a settlement runs when concurrent writes keep moving its product on. */
  static final int MAX_TRIES = 8;
  private static final String POLL_KEY = "order-poll:";
  private final ProductRepository products;
  private final ListingRepository listings;
  private final OrderRepository orders;
  private final JobJournal journal;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final ListingWithdrawals withdrawals;

  /** What settling an order did. */
  public enum Outcome {
    /** Stock taken, some left. */
    ACCEPTED,
    /** Stock taken, none left: the product is sold out and its other listings are withdrawn. */
    SOLD_OUT,
    /** The product had sold out before: recorded as an oversell. */
    OVERSOLD,
    /** Not a listing of the tenant's products. */
    UNMATCHED,
    /** Settled before (a re-run): nothing changed. */
    ALREADY_SETTLED,
    /** {@link #settle} only: the order was never received. */
    NOT_RECEIVED;

    /** Whether this call settled the order (rather than finding it settled or missing). */
    public boolean isNew() {
      return this != ALREADY_SETTLED && this != NOT_RECEIVED;
    }
  }

  /** @param withdrawn how many listings on other marketplaces this settlement started withdrawing */
  public record Settlement(Outcome outcome, int withdrawn) {}

  /**
   * @param enqueue the normal enqueue use case, for the DELETE jobs that withdraw listings (it may be a late-bound
   *     reference: the enqueue use case itself needs the registry of handlers this recorder serves)
   */
  public OrderRecorder(ProductRepository products, ListingRepository listings, OrderRepository orders,
      JobJournal journal, EnqueueJobUseCase enqueue, UnitOfWork unitOfWork, Clock clock) {
    this.products = Objects.requireNonNull(products, "products");
    this.listings = Objects.requireNonNull(listings, "listings");
    this.orders = Objects.requireNonNull(orders, "orders");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.withdrawals = new ListingWithdrawals(listings, enqueue, journal);
  }

  /** The idempotency key of the job that syncs one polled order (Etsy polling enqueues one per order). */
  public static String pollKey(Marketplace marketplace, String orderExternalId) {
    return POLL_KEY + marketplace.name().toLowerCase(Locale.ROOT) + ":" + orderExternalId;
  }

  /** The order a {@link #pollKey} names, or empty when {@code key} is not a poll key of {@code marketplace}. */
  public static Optional<String> orderOfPollKey(Marketplace marketplace, String key) {
    String prefix = pollKey(marketplace, "");
    return key == null || !key.startsWith(prefix) || key.length() == prefix.length() ? Optional.empty()
        : Optional.of(key.substring(prefix.length()));
  }

  /** Records {@code order} (once) and settles it (once), in one transaction. */
  public Settlement record(TenantId tenant, Marketplace marketplace, MarketplaceOrder order, JobId job) {
    return withRetries(tenant, () -> {
      orders.receive(tenant, marketplace, order, clock.instant());
      return settleHeld(tenant, marketplace, order.externalId(), job);
    });
  }

  /** Settles an order received before (by the poller); {@link Outcome#NOT_RECEIVED} when there is none. */
  public Settlement settle(TenantId tenant, Marketplace marketplace, String orderExternalId, JobId job) {
    return withRetries(tenant, () -> settleHeld(tenant, marketplace, orderExternalId, job));
  }

  private Settlement withRetries(TenantId tenant, Supplier<Settlement> work) {
    for (int tries = 1; ; tries++) {
      try {
        return unitOfWork.inTransaction(tenant, work);
      } catch (ConcurrentUpdateException e) {
        if (tries >= MAX_TRIES) {
          throw e; // the job's attempt fails and is retried later
        }
      }
    }
  }

  private Settlement settleHeld(TenantId tenant, Marketplace marketplace, String externalId, JobId job) {
    Optional<RecordedOrder> held = orders.findForUpdate(tenant, marketplace, externalId);
    if (held.isEmpty()) {
      return new Settlement(Outcome.NOT_RECEIVED, 0);
    }
    RecordedOrder order = held.get();
    if (order.status().isSettled()) {
      return new Settlement(Outcome.ALREADY_SETTLED, 0);
    }
    Instant now = clock.instant();
    Optional<MarketplaceListing> listing = order.listingExternalId() == null ? Optional.empty()
        : listings.findByExternalId(tenant, marketplace, order.listingExternalId());
    if (listing.isEmpty()) {
      orders.settle(tenant, marketplace, externalId, null, OrderStatus.UNMATCHED, job, now);
      return new Settlement(Outcome.UNMATCHED, 0);
    }
    Optional<Product> product = products.findById(tenant, listing.get().product());
    int available = product.filter(p -> p.status().isEditable()).map(p -> p.details().stockQuantity()).orElse(0);
    int taken = Math.min(available, order.quantity());
    if (taken > 0) {
      Product p = product.get();
      Product updated = products.update(tenant, p.withDetails(p.details().withStockQuantity(available - taken), now));
      if (available == taken && updated.status() == ProductStatus.PUBLISHED) {
        products.update(tenant, updated.changeStatus(ProductStatus.SOLD, now));
      }
    }
    boolean oversold = taken < order.quantity();
    orders.settle(tenant, marketplace, externalId, listing.get().product(),
        oversold ? OrderStatus.OVERSOLD : OrderStatus.ACCEPTED, job, now);
    if (oversold) {
      journal.recordError(tenant, oversell(marketplace, order, listing.get(), product, available, job, now));
    }
    if (available > taken || product.isEmpty()) {
      return new Settlement(oversold ? Outcome.OVERSOLD : Outcome.ACCEPTED, 0); // stock left, or product deleted
    }
    int withdrawn = withdrawals.withdrawOthers(tenant, listing.get(), "sold out by " + marketplace + " order "
        + externalId, job, now);
    return new Settlement(oversold ? Outcome.OVERSOLD : Outcome.SOLD_OUT, withdrawn);
  }

  private static MarketplaceError oversell(Marketplace marketplace, RecordedOrder order, MarketplaceListing listing,
      Optional<Product> product, int available, JobId job, Instant now) {
    String what = product.map(p -> "product " + p.id() + " \"" + p.details().title() + "\"")
        .orElse("product " + listing.product() + " (deleted)");
    String state = product.map(p -> p.status() + ", " + available + " in stock").orElse("deleted");
    return new MarketplaceError(marketplace, job, OVERSELL, "oversell: " + marketplace + " order "
        + order.externalId() + " for " + what + " asks for " + order.quantity() + " but only " + available
        + " was left (sold out elsewhere): cancel the order on " + marketplace, "order " + order.externalId()
        + "; listing " + listing.externalId() + "; product " + listing.product() + " " + state, now);
  }
}
