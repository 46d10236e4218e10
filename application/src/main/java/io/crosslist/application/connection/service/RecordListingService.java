package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.RecordListingUseCase;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;

/** Records a listing of a live product of the tenant. */
public final class RecordListingService implements RecordListingUseCase {
  private final ProductRepository products;
  private final ListingRepository listings;
  private final UnitOfWork unitOfWork;

  public RecordListingService(ProductRepository products, ListingRepository listings, UnitOfWork unitOfWork) {
    this.products = Objects.requireNonNull(products, "products");
    this.listings = Objects.requireNonNull(listings, "listings");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public MarketplaceListing record(TenantId tenant, MarketplaceListing listing) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(listing, "listing");
    return unitOfWork.inTransaction(tenant, () -> {
      products.findById(tenant, listing.product()).orElseThrow(() -> new ProductNotFoundException(listing.product()));
      listings.save(tenant, listing);
      return listing;
    });
  }
}
