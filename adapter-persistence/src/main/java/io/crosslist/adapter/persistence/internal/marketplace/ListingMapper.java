package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_listings}. */
public interface ListingMapper {

  List<ListingRow> listingsOf(@Param("tenant") TenantId tenant, @Param("productId") long productId);

  Optional<ListingRow> find(@Param("tenant") TenantId tenant, @Param("productId") long productId,
      @Param("marketplace") String marketplace);

  Optional<ListingRow> findByExternalId(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace,
      @Param("externalId") String externalId);

  int save(@Param("tenant") TenantId tenant, @Param("row") ListingRow row);

}
