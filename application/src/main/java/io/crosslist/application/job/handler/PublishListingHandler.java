package io.crosslist.application.job.handler;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.marketplace.ExternalListing;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * PUBLISH: lists the job's product on the marketplace (keyed by the job's idempotency key, so a job
 * that runs again does not list twice), records the listing, and marks a draft PUBLISHED.
 */
public final class PublishListingHandler extends MarketplaceHandler {
  private final ProductRepository products;
  private final ListingRepository listings;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public PublishListingHandler(MarketplaceGateway gateway, ProductRepository products, ListingRepository listings,
      UnitOfWork unitOfWork, Clock clock) {
    super(gateway, JobAction.PUBLISH);
    this.products = Objects.requireNonNull(products, "products");
    this.listings = Objects.requireNonNull(listings, "listings");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  JobOutcome run(JobContext context) {
    Product product = productOf(context, products);
    if (product.status() != ProductStatus.DRAFT && product.status() != ProductStatus.PUBLISHED) {
      throw new Refused("product " + product.id() + " is " + product.status() + " and cannot be published");
    }
    context.progress().report(new JobProgress(0, 2, "creating the listing"));
    ExternalListing listed = gateway.createListing(context.tenant(), idempotencyKey(context), product);
    context.progress().report(new JobProgress(1, 2, "recording the listing"));
    unitOfWork.inTransaction(context.tenant(), () -> {
      Instant now = clock.instant();
      listings.save(context.tenant(), MarketplaceListing.published(product.id(), marketplace(), listed.externalId(),
          listed.url(), product.details().price(), now));
      Product current = products.findById(context.tenant(), product.id()).orElseThrow();
      if (current.status() == ProductStatus.DRAFT) {
        products.update(context.tenant(), current.changeStatus(ProductStatus.PUBLISHED, now));
      }
      return null;
    });
    return JobOutcome.success(JsonText.object().with("externalId", listed.externalId()).with("url", listed.url())
        .toString());
  }
}
