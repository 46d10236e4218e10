package io.crosslist.adapter.persistence.host;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Fixture (deliberately bad): substitutes ${orderBy} into SQL text (OrderByMapper.xml). */
public interface OrderByMapper {
  List<String> sorted(@Param("tenant") TenantId tenant, @Param("orderBy") String orderBy);
}
