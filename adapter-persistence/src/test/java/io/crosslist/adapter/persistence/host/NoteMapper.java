package io.crosslist.adapter.persistence.host;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** A host's annotated mapper over its own tenant table. */
public interface NoteMapper {
  @Insert("insert into ${tenant}.host_notes (product_id, body) values (#{productId}, #{body})")
  int insert(@Param("tenant") TenantId tenant, @Param("productId") Long productId, @Param("body") String body);

  @Select("select body from ${tenant}.host_notes order by id")
  List<String> bodies(@Param("tenant") TenantId tenant);
}
