package io.crosslist.adapter.persistence.internal.schedule;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on the shared {@code crosslist.scheduled_ticks}; the SQL is in TickMapper.xml. */
public interface TickMapper {

  int register(@Param("task") String task);

  /** Records a task never seen before, or brings its next tick forward when the interval was shortened. */
  int registerWithInterval(@Param("task") String task, @Param("intervalMillis") long intervalMillis);

  /** 1 when {@code instance} took the tick, else 0. */
  int tryStart(@Param("task") String task, @Param("instance") String instance,
      @Param("intervalMillis") long intervalMillis, @Param("maxRunMillis") long maxRunMillis);

  /** 1 when {@code instance} took a run now, else 0. */
  int tryStartNow(@Param("task") String task, @Param("instance") String instance,
      @Param("maxRunMillis") long maxRunMillis);

  int finish(@Param("task") String task, @Param("instance") String instance);

  List<TickRow> ticks();
}
