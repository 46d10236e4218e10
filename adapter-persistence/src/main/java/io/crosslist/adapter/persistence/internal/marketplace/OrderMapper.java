package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_orders}; the SQL is in OrderMapper.xml. */
public interface OrderMapper {

  /** 1 when recorded, 0 when the order was recorded before. */
  int receive(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace,
      @Param("externalId") String externalId, @Param("listingExternalId") String listingExternalId,
      @Param("quantity") int quantity, @Param("total") BigDecimal total, @Param("currency") String currency,
      @Param("orderedAt") Instant orderedAt, @Param("receivedAt") Instant receivedAt);

  Optional<OrderRow> findForUpdate(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace,
      @Param("externalId") String externalId);

  /** 1 when the RECEIVED order was settled, 0 when there is no RECEIVED order of that id. */
  int settle(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace,
      @Param("externalId") String externalId, @Param("productId") Long productId, @Param("status") String status,
      @Param("jobId") Long jobId, @Param("settledAt") Instant settledAt);

  List<OrderRow> search(@Param("tenant") TenantId tenant, @Param("marketplace") String marketplace,
      @Param("productId") Long productId, @Param("since") Instant since, @Param("until") Instant until,
      @Param("oversold") Boolean oversold, @Param("beforeId") Long beforeId, @Param("limit") int limit);
}
