package com.acme.shop.mappers;

import java.util.List;
import org.apache.ibatis.annotations.Select;

/** Breaks tenant_tables_are_qualified: a tenant table (from db/tenant) without ${tenant}, in an annotation. */
public interface UnqualifiedAnnotationMapper {
  @Select("select id from orders")
  List<Long> all();
}
