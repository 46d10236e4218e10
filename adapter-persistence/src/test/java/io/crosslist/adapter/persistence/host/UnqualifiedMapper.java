package io.crosslist.adapter.persistence.host;

import io.crosslist.domain.tenant.TenantId;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Fixture (deliberately bad): names tenant tables without ${tenant}. */
public interface UnqualifiedMapper {
  @Select("select count(*) from host_notes")
  int notes(@Param("tenant") TenantId tenant);

  @Select("select count(*) from ${tenant}.host_notes n join products p on p.id = n.product_id")
  int joined(@Param("tenant") TenantId tenant);
}
