package com.acme.shop.mappers;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Breaks sql_substitutes_only_the_tenant: a caller's value spliced into the SQL of an annotation. */
public interface SubstitutingAnnotationMapper {
  @Select("select id from ${tenant}.orders order by ${orderBy}")
  List<Long> sorted(@Param("orderBy") String orderBy);
}
