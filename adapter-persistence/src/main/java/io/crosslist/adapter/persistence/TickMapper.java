package io.crosslist.adapter.persistence;

import org.apache.ibatis.annotations.Param;

/** Statements on the shared {@code crosslist.scheduled_ticks}; the SQL is in TickMapper.xml. */
interface TickMapper {

  int register(@Param("task") String task);

  /** 1 when {@code instance} took the tick, else 0. */
  int tryStart(@Param("task") String task, @Param("instance") String instance,
      @Param("intervalMillis") long intervalMillis, @Param("maxRunMillis") long maxRunMillis);

  int finish(@Param("task") String task, @Param("instance") String instance);
}
