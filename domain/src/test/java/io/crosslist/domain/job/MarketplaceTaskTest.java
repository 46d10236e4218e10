package io.crosslist.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketplaceTaskTest {

  @Test
  void a_retried_job_resumes_at_its_first_unfinished_step() {
    Instant now = Instant.parse("2026-05-01T08:00:00Z");
    JobId job = JobId.of(1);
    List<MarketplaceTask> steps = List.of(
        new MarketplaceTask(job, 3, "publish", TaskStatus.PENDING, null, now),
        new MarketplaceTask(job, 1, "upload photos", TaskStatus.COMPLETED, "[\"p1\"]", now),
        new MarketplaceTask(job, 2, "create draft", TaskStatus.FAILED, null, now));
    assertEquals(2, MarketplaceTask.resumePoint(steps).orElseThrow().position());
  }

  @Test
  void a_job_whose_steps_all_completed_has_nothing_to_resume() {
    Instant now = Instant.parse("2026-05-01T08:00:00Z");
    assertTrue(MarketplaceTask.resumePoint(List.of(
        new MarketplaceTask(JobId.of(1), 1, "publish", TaskStatus.COMPLETED, null, now))).isEmpty());
  }
}
