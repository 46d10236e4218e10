package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ListingRepository} on {@code ${tenant}.marketplace_listings}. */
@Singleton
public final class MyBatisListingRepository implements ListingRepository {
  private final MyBatisUnitOfWork sessions;

  @Inject
  MyBatisListingRepository(MyBatisUnitOfWork sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<MarketplaceListing> find(TenantId tenant, ProductId product, Marketplace marketplace) {
    return sessions.call(tenant, s -> s.getMapper(ListingMapper.class).find(tenant, product.value(),
        marketplace.name())).map(ListingRow::toListing);
  }

  @Override
  public List<MarketplaceListing> listingsOf(TenantId tenant, ProductId product) {
    return sessions.call(tenant, s -> s.getMapper(ListingMapper.class).listingsOf(tenant, product.value())).stream()
        .map(ListingRow::toListing).toList();
  }

  @Override
  public Optional<MarketplaceListing> findByExternalId(TenantId tenant, Marketplace marketplace, String externalId) {
    return sessions.call(tenant, s -> s.getMapper(ListingMapper.class).findByExternalId(tenant, marketplace.name(),
        externalId)).map(ListingRow::toListing);
  }

  @Override
  public void save(TenantId tenant, MarketplaceListing listing) {
    ListingRow row = ListingRow.of(Objects.requireNonNull(listing, "listing"));
    row.updatedAt = row.updatedAt.truncatedTo(ChronoUnit.MICROS);
    sessions.call(tenant, s -> s.getMapper(ListingMapper.class).save(tenant, row));
  }

}
