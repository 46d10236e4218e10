package io.crosslist.application.job.handler;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** DELETE: removes the product's listing from the marketplace; a product not listed there is already done. */
public final class DeleteListingHandler extends MarketplaceHandler {
  private final ProductRepository products;
  private final ListingRepository listings;
  private final Clock clock;

  public DeleteListingHandler(MarketplaceGateway gateway, ProductRepository products, ListingRepository listings,
      Clock clock) {
    super(gateway, JobAction.DELETE);
    this.products = Objects.requireNonNull(products, "products");
    this.listings = Objects.requireNonNull(listings, "listings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  JobOutcome run(JobContext context) {
    if (context.job().product() == null) {
      throw new Refused("DELETE needs a product, and job " + context.job().id() + " has none");
    }
    Optional<MarketplaceListing> listing = listings.find(context.tenant(), context.job().product(), marketplace())
        .filter(l -> l.status() == MarketplaceListing.ListingStatus.ACTIVE);
    if (listing.isEmpty()) {
      return JobOutcome.success(JsonText.object().with("deleted", false).toString()); // nothing listed: done
    }
    gateway.deleteListing(context.tenant(), listing.get().externalId());
    listings.save(context.tenant(), listing.get().deleted(clock.instant()));
    return JobOutcome.success(JsonText.object().with("deleted", true).with("externalId", listing.get().externalId())
        .toString());
  }
}
