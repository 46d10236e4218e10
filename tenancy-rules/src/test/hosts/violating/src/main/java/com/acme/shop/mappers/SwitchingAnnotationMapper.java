package com.acme.shop.mappers;

import org.apache.ibatis.annotations.Update;

/** Breaks no_schema_switch_in_code: the switch in a MyBatis annotation. */
public interface SwitchingAnnotationMapper {
  @Update("SET search_path TO user_1")
  void switchTenant();
}
