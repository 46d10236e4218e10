package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_tasks}. */
public interface TaskMapper {

  List<TaskRow> steps(@Param("tenant") TenantId tenant, @Param("jobId") long jobId);

  int save(@Param("tenant") TenantId tenant, @Param("row") TaskRow row);
}
