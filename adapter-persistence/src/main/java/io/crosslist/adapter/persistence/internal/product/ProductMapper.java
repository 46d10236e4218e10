package io.crosslist.adapter.persistence.internal.product;

import io.crosslist.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.products}; the SQL is in ProductMapper.xml beside this interface. */
public interface ProductMapper {

  Optional<ProductRow> findById(@Param("tenant") TenantId tenant, @Param("id") long id);

  List<ProductRow> findBySkus(@Param("tenant") TenantId tenant, @Param("skus") List<String> skus);

  /** The new product's id; null when a reference code is unknown (see {@link #unknownReference}). */
  Long insert(@Param("tenant") TenantId tenant, @Param("row") ProductRow row);

  /** A reference field of a product row whose code names no shared row, and that code. */
  final class UnknownCode {
    public String field;
    public String code;
  }

  Optional<UnknownCode> unknownReference(@Param("tenant") TenantId tenant, @Param("row") ProductRow row);

  int update(@Param("tenant") TenantId tenant, @Param("row") ProductRow row);

  int softDelete(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("at") Instant at);

  List<ProductRow> search(@Param("tenant") TenantId tenant, @Param("status") String status,
      @Param("brand") String brand, @Param("category") String category, @Param("titlePattern") String titlePattern,
      @Param("minPrice") BigDecimal minPrice, @Param("maxPrice") BigDecimal maxPrice,
      @Param("beforeId") Long beforeId, @Param("fetch") int fetch);

  int softDeleteDraftsNotUpdatedSince(@Param("tenant") TenantId tenant, @Param("cutoff") Instant cutoff,
      @Param("at") Instant at);
}
