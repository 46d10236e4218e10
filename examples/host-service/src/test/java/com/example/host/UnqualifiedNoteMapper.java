package com.example.host;

import io.crosslist.domain.tenant.TenantId;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Fixture (deliberately bad): names the host's tenant table without ${tenant}. */
public interface UnqualifiedNoteMapper {
  @Select("select count(*) from product_notes")
  int count(@Param("tenant") TenantId tenant);
}
