package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceTask;
import io.crosslist.domain.job.TaskStatus;
import java.time.Instant;

/** A row of {@code marketplace_tasks}. */
public final class TaskRow {
  public long jobId;
  public int position;
  public String name;
  public String status;
  public String result;
  public Instant updatedAt;

  static TaskRow of(MarketplaceTask task) {
    TaskRow row = new TaskRow();
    row.jobId = task.job().value();
    row.position = task.position();
    row.name = task.name();
    row.status = task.status().name();
    row.result = task.result();
    row.updatedAt = task.updatedAt();
    return row;
  }

  MarketplaceTask toTask() {
    return new MarketplaceTask(JobId.of(jobId), position, name, TaskStatus.valueOf(status), result, updatedAt);
  }
}
