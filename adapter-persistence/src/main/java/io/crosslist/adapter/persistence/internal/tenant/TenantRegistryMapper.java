package io.crosslist.adapter.persistence.internal.tenant;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on the shared tenant registry; the SQL is in TenantRegistryMapper.xml. */
public interface TenantRegistryMapper {

  List<Long> activeTenantIds(@Param("afterId") long afterId, @Param("limit") int limit);

  List<TenantRow> tenants(@Param("afterId") long afterId, @Param("limit") int limit);

  Optional<TenantRow> find(@Param("id") long id);

  Optional<TenantRow> changeStatus(@Param("id") long id, @Param("status") String status);
}
