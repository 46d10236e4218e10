package io.crosslist.adapter.persistence.host;

import io.crosslist.domain.tenant.TenantId;
import org.apache.ibatis.annotations.Param;

/** A host's XML mapper (NoteXmlMapper.xml beside it) joining its table to Crosslist's products. */
public interface NoteXmlMapper {
  int countForTitle(@Param("tenant") TenantId tenant, @Param("title") String title);
}
