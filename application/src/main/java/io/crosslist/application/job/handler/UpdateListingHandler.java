package io.crosslist.application.job.handler;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.util.Objects;

/** UPDATE: sends the product's current details to its active listing on the marketplace. */
public final class UpdateListingHandler extends MarketplaceHandler {
  private final ProductRepository products;
  private final ListingRepository listings;
  private final Clock clock;

  public UpdateListingHandler(MarketplaceGateway gateway, ProductRepository products, ListingRepository listings,
      Clock clock) {
    super(gateway, JobAction.UPDATE);
    this.products = Objects.requireNonNull(products, "products");
    this.listings = Objects.requireNonNull(listings, "listings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  JobOutcome run(JobContext context) {
    Product product = productOf(context, products);
    MarketplaceListing listing = listings.find(context.tenant(), product.id(), marketplace())
        .filter(l -> l.status() == MarketplaceListing.ListingStatus.ACTIVE)
        .orElseThrow(() -> new Refused("product " + product.id() + " is not listed on " + marketplace()));
    gateway.updateListing(context.tenant(), listing.externalId(), product);
    listings.save(context.tenant(), listing.updated(product.details().price(), clock.instant()));
    return JobOutcome.success(JsonText.object().with("externalId", listing.externalId()).toString());
  }
}
