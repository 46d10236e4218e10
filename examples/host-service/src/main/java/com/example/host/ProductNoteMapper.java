package com.example.host;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The host's mapper over its own tenant table: statements name {@code ${tenant}.product_notes} and take the tenant
 * as {@code @Param("tenant")}; Crosslist renders the tenant's schema and checks these rules when it starts.
 */
public interface ProductNoteMapper {
  @Insert("insert into ${tenant}.product_notes (product_id, body) values (#{productId}, #{body})")
  int insert(@Param("tenant") TenantId tenant, @Param("productId") long productId, @Param("body") String body);

  @Select("select count(*) from ${tenant}.product_notes")
  int count(@Param("tenant") TenantId tenant);

  @Select("select body from ${tenant}.product_notes where product_id = #{productId} order by id")
  List<String> bodies(@Param("tenant") TenantId tenant, @Param("productId") long productId);
}
