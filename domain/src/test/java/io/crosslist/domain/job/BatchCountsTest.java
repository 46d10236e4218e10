package io.crosslist.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchCountsTest {

  @Test
  void the_batch_status_follows_its_jobs() {
    assertEquals(BatchStatus.RUNNING, BatchCounts.ofPending(3).status());
    assertEquals(BatchStatus.RUNNING, new BatchCounts(0, 1, 2, 0, 0, 0).status());
    assertEquals(BatchStatus.COMPLETED, new BatchCounts(0, 0, 3, 0, 0, 0).status());
    assertEquals(BatchStatus.PARTIALLY_FAILED, new BatchCounts(0, 0, 2, 1, 0, 0).status());
    assertEquals(BatchStatus.PARTIALLY_FAILED, new BatchCounts(0, 0, 2, 0, 1, 0).status());
    assertEquals(BatchStatus.FAILED, new BatchCounts(0, 0, 0, 1, 1, 1).status());
    assertEquals(BatchStatus.CANCELLED, new BatchCounts(0, 0, 0, 0, 3, 0).status());
  }

  @Test
  void moving_a_job_keeps_the_total() {
    BatchCounts counts = BatchCounts.ofPending(2).moved(JobStatus.PENDING, JobStatus.RUNNING)
        .moved(JobStatus.RUNNING, JobStatus.COMPLETED).moved(JobStatus.PENDING, JobStatus.CANCELLED);
    assertEquals(new BatchCounts(0, 0, 1, 0, 1, 0), counts);
    assertEquals(2, counts.total());
    assertThrows(IllegalArgumentException.class, () -> counts.moved(JobStatus.RUNNING, JobStatus.FAILED),
        "a count cannot go below zero");
  }
}
