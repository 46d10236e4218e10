package io.crosslist.adapter.marketplace;

import io.crosslist.domain.marketplace.CataloguePage;
import io.crosslist.domain.marketplace.ExternalListing;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceOrder;
import io.crosslist.domain.marketplace.ProductEnrichment;
import io.crosslist.adapter.marketplace.SimulatedListings.Listed;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated marketplace: it behaves like a marketplace API for tests, demos and benchmarks, with
 * configurable latency and a rate of retryable failures. It is not a client of any real marketplace.
 * Listings are kept per account in its {@link SimulatedListings} (in memory by default; in the database's
 * {@code crosslist_simulation} schema when the library binds it, so ids and idempotency keys survive a
 * restart); creating one is idempotent by key; every third listing has sold once (see {@link #ordersSince}), and a
 * test or demo sells any listing again with {@link #sell} (those orders are kept in memory, by this instance);
 * catalogues are generated from the seed with reference codes that Crosslist's shared reference data holds.
 */
public final class SimulatedMarketplaceGateway implements MarketplaceGateway, SimulatedGateway {
  private static final String[] BRANDS = {"nike", "adidas", "levis", "zara", "patagonia"};
  private static final String[] CATEGORIES = {"womens-shoes", "mens-jackets", "womens-dresses", "mens-jeans"};
  private static final String[] CONDITIONS = {"new-with-tags", "very-good", "good", "satisfactory"};

  private final Marketplace marketplace;
  private final SimulationSettings settings;
  private final SplittableRandom failures;
  private final SimulatedListings listings;
  /** Orders placed with {@link #sell}, oldest first. */
  private final List<Sale> sales = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicLong nextOrder = new AtomicLong(1);
  private final AtomicLong calls = new AtomicLong();

  private record Sale(TenantId account, MarketplaceOrder order) {}

  /** With its listings in memory, for this object's lifetime. */
  public SimulatedMarketplaceGateway(Marketplace marketplace, SimulationSettings settings) {
    this(marketplace, settings, SimulatedListings.inMemory());
  }

  /** With its listings in {@code listings} (e.g. {@link JdbcSimulatedListings}, shared by every instance). */
  public SimulatedMarketplaceGateway(Marketplace marketplace, SimulationSettings settings, SimulatedListings listings) {
    this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listings = Objects.requireNonNull(listings, "listings");
    // each marketplace its own sequence; a built-in one keeps the one it had as an enum constant (its position)
    int built = Marketplace.BUILT_IN.indexOf(marketplace);
    this.failures = new SplittableRandom(settings.seed() ^ (built >= 0 ? built : marketplace.name().hashCode()));
  }

  @Override
  public Marketplace marketplace() {
    return marketplace;
  }

  @Override
  public ExternalListing createListing(TenantId account, String idempotencyKey, Product product) {
    call();
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Listed listed = listings.createOnce(marketplace, account, idempotencyKey, product.details().title(),
        product.details().price(), Instant.now());
    return new ExternalListing(listed.externalId(), listed.url());
  }

  @Override
  public void updateListing(TenantId account, String externalId, Product product) {
    call();
    Listed listed = owned(account, externalId);
    if (!listed.active()) {
      throw new MarketplaceException(marketplace, false, "listing " + externalId + " was deleted");
    }
    listings.update(new Listed(marketplace, account, externalId, listed.url(), listed.number(),
        product.details().title(), product.details().price(), true, listed.listedAt()));
  }

  @Override
  public void deleteListing(TenantId account, String externalId) {
    call();
    listings.find(marketplace, externalId).filter(l -> l.account().equals(account))
        .ifPresent(l -> listings.update(new Listed(marketplace, account, externalId, l.url(), l.number(), l.title(),
            l.price(), false, l.listedAt())));
  }

  @Override
  public CataloguePage catalogue(TenantId account, int page, int pageSize) {
    call();
    if (page < 1 || pageSize < 1 || pageSize > 200) {
      throw new MarketplaceException(marketplace, false, "page must be 1 or more and pageSize 1 to 200");
    }
    int from = (page - 1) * pageSize;
    int to = Math.min(settings.catalogueSize(), from + pageSize);
    List<CataloguePage.Item> items = new ArrayList<>();
    for (int i = from; i < to; i++) {
      items.add(item(account, i));
    }
    return new CataloguePage(items, settings.catalogueSize(), to >= settings.catalogueSize());
  }

  @Override
  public ProductEnrichment enrich(TenantId account, Product product) {
    call();
    ProductDetails d = product.details();
    return new ProductEnrichment(d.title() + " in " + d.condition().replace('-', ' ') + " condition"
        + (d.brand() == null ? "" : ", by " + d.brand()) + ". Ships within two days.");
  }

  @Override
  public List<MarketplaceOrder> ordersSince(TenantId account, Instant since) {
    call();
    List<MarketplaceOrder> orders = new ArrayList<>();
    for (Listed listed : listings.listedSince(marketplace, account, since)) {
      if (listed.number() % 3 == 0) {
        orders.add(new MarketplaceOrder("order-" + listed.externalId(), listed.externalId(), 1, listed.price(),
            listed.listedAt()));
      }
    }
    for (Sale sale : sales) {
      if (sale.account().equals(account) && !sale.order().orderedAt().isBefore(since)) {
        orders.add(sale.order());
      }
    }
    orders.sort(Comparator.comparing(MarketplaceOrder::orderedAt).thenComparing(MarketplaceOrder::externalId));
    return orders;
  }

  /**
   * A buyer orders {@code quantity} of the listing now, whatever it was listed with (as on a marketplace that
   * has not heard of a sale elsewhere yet); {@link #ordersSince} reports the order from now on.
   *
   * @return the order, with an id of this marketplace ({@code ebay-order-1}, ...)
   * @throws MarketplaceException when the account has no such listing
   */
  public MarketplaceOrder sell(TenantId account, String externalId, int quantity) {
    Listed listed = owned(account, externalId);
    MarketplaceOrder order = new MarketplaceOrder(marketplace.name().toLowerCase() + "-order-"
        + nextOrder.getAndIncrement(), externalId, quantity, listed.price(),
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    sales.add(new Sale(account, order));
    return order;
  }

  /** Listings created so far on this marketplace, all accounts (an idempotent retry creates none). */
  public int listingsCreated() {
    return listings.count(marketplace);
  }

  /** Whether the listing exists and is active. */
  public boolean isActive(String externalId) {
    return listings.find(marketplace, externalId).map(Listed::active).orElse(false);
  }

  /** Calls made so far, failed ones included. */
  public long calls() {
    return calls.get();
  }

  private Listed owned(TenantId account, String externalId) {
    return listings.find(marketplace, externalId).filter(l -> l.account().equals(account))
        .orElseThrow(() -> new MarketplaceException(marketplace, false, "no listing " + externalId
            + " on this account"));
  }

  private CataloguePage.Item item(TenantId account, int index) {
    SplittableRandom r = new SplittableRandom(settings.seed() * 31 + account.value() * 1_000_003L + index);
    ProductDetails details = new ProductDetails(
        "Imported item " + (index + 1), "", new Money(BigDecimal.valueOf(500 + r.nextInt(20_000), 2), "EUR"),
        BRANDS[r.nextInt(BRANDS.length)], CATEGORIES[r.nextInt(CATEGORIES.length)],
        CONDITIONS[r.nextInt(CONDITIONS.length)], null, null, 1 + r.nextInt(3), List.of());
    return new CataloguePage.Item(marketplace.name().toLowerCase() + "-item-" + (index + 1), details);
  }

  private void call() {
    calls.incrementAndGet();
    long nanos = settings.latency().toNanos();
    if (nanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(nanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MarketplaceException(marketplace, true, "interrupted");
      }
    }
    double roll;
    synchronized (failures) {
      roll = failures.nextDouble();
    }
    if (roll < settings.failureRate()) {
      throw new MarketplaceException(marketplace, true, "simulated 503 Service Unavailable");
    }
  }
}
