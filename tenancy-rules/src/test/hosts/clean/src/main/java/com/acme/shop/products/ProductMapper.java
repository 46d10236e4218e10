package com.acme.shop.products;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Keeps every rule: a qualified tenant table and a bound value in a MyBatis annotation. */
public interface ProductMapper {
  @Select("select title from ${tenant}.products where id = #{id}")
  String title(@Param("id") long id);
}
