package io.crosslist.domain.job;

import static io.crosslist.domain.job.JobFixtures.T0;
import static io.crosslist.domain.job.JobFixtures.pendingJob;
import static io.crosslist.domain.job.JobFixtures.publishRequest;
import static io.crosslist.domain.job.JobFixtures.runningJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.FieldViolation;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketplaceJobTest {
  private static final Instant T1 = T0.plusSeconds(10);

  @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
  @CsvSource({
      "PENDING,RUNNING,true", "PENDING,CANCELLED,true", "PENDING,EXPIRED,true", "PENDING,COMPLETED,false",
      "PENDING,FAILED,false", "RUNNING,COMPLETED,true", "RUNNING,FAILED,true", "RUNNING,CANCELLED,true",
      "RUNNING,PENDING,true", "RUNNING,EXPIRED,false", "FAILED,PENDING,true", "FAILED,RUNNING,false",
      "COMPLETED,PENDING,false", "COMPLETED,RUNNING,false", "CANCELLED,PENDING,false", "EXPIRED,PENDING,false"})
  void the_lifecycle_allows_only_its_transitions(JobStatus from, JobStatus to, boolean allowed) {
    assertEquals(allowed, from.canBecome(to));
  }

  @Test
  void a_new_job_is_pending_with_no_attempts_and_runs_now_unless_told_otherwise() {
    MarketplaceJob job = MarketplaceJob.pending(publishRequest(), T0);
    assertEquals(JobStatus.PENDING, job.status());
    assertEquals(0, job.attempts());
    assertEquals(T0, job.runAfter());
    assertNull(job.id());
    assertThrows(IllegalStateException.class, () -> job.stored(JobId.of(1)).stored(JobId.of(2)));
  }

  @Test
  void starting_counts_an_attempt_and_completing_keeps_the_result() {
    MarketplaceJob running = runningJob();
    assertEquals(JobStatus.RUNNING, running.status());
    assertEquals(1, running.attempts());
    MarketplaceJob done = running.withProgress(new JobProgress(1, 1, "listed"), T1).complete("{\"listing\":42}", T1);
    assertEquals(JobStatus.COMPLETED, done.status());
    assertEquals("{\"listing\":42}", done.result());
    assertEquals(T1, done.finishedAt());
    assertThrows(IllegalJobTransitionException.class, () -> done.start(T1));
    assertThrows(IllegalJobTransitionException.class, () -> done.withProgress(JobProgress.NONE, T1));
  }

  @Test
  void a_completed_job_shows_all_its_counted_steps_done_even_when_the_last_report_came_earlier() {
    MarketplaceJob done = runningJob().withProgress(new JobProgress(1, 2, "recording the listing"), T1)
        .complete("{}", T1);
    assertEquals(new JobProgress(2, 2, "recording the listing"), done.progress());
    assertEquals(JobProgress.NONE, runningJob().complete("{}", T1).progress(), "no count, nothing invented");
  }

  @Test
  void retryable_failures_go_back_to_pending_until_the_attempts_are_used_up() {
    MarketplaceJob job = MarketplaceJob.pending(publishRequest().withMaxAttempts(2), T0).stored(JobId.of(3));
    MarketplaceJob first = job.start(T0).retryLater("HTTP 503", T1, T0.plusSeconds(1));
    assertEquals(JobStatus.PENDING, first.status());
    assertEquals(T1, first.runAfter());
    assertEquals("HTTP 503", first.lastError());
    MarketplaceJob second = first.start(T1).retryLater("HTTP 503 again", T1.plusSeconds(60), T1.plusSeconds(1));
    assertEquals(JobStatus.FAILED, second.status());
    assertEquals("HTTP 503 again (after 2 attempts)", second.lastError());
    assertThrows(IllegalJobTransitionException.class, () -> second.start(T1), "no attempts left, and FAILED");
  }

  @Test
  void a_permanent_failure_ends_the_job_and_a_user_retry_starts_it_over() {
    MarketplaceJob failed = runningJob().fail("listing rejected: title too long", T1);
    assertEquals(JobStatus.FAILED, failed.status());
    MarketplaceJob retried = failed.retry(T1.plusSeconds(5));
    assertEquals(JobStatus.PENDING, retried.status());
    assertEquals(0, retried.attempts());
    assertNull(retried.finishedAt());
    assertThrows(IllegalJobTransitionException.class, () -> pendingJob().retry(T1));
  }

  @Test
  void a_job_whose_worker_died_is_rescued_or_fails_when_no_attempt_is_left() {
    MarketplaceJob rescued = runningJob().rescue(T1);
    assertEquals(JobStatus.PENDING, rescued.status());
    assertEquals(T1, rescued.runAfter());
    assertTrue(rescued.lastError().contains("stopped renewing its lease"), rescued.lastError());

    MarketplaceJob lastAttempt = MarketplaceJob.pending(publishRequest().withMaxAttempts(1), T0).stored(JobId.of(4))
        .start(T0);
    assertEquals(JobStatus.FAILED, lastAttempt.rescue(T1).status());
  }

  @Test
  void cancelling_ends_a_pending_job_and_asks_a_running_one_to_stop() {
    assertEquals(JobStatus.CANCELLED, pendingJob().requestCancellation(T1).status());

    MarketplaceJob asked = runningJob().requestCancellation(T1);
    assertEquals(JobStatus.RUNNING, asked.status());
    assertTrue(asked.cancelRequested());
    MarketplaceJob stopped = asked.cancelled(T1.plusSeconds(1));
    assertEquals(JobStatus.CANCELLED, stopped.status());
    assertFalse(stopped.cancelRequested(), "a terminal job carries no pending request");
    assertEquals(JobStatus.CANCELLED, asked.retryLater("timeout", T1.plusSeconds(60), T1).status(),
        "cancellation wins over another attempt");
    assertEquals(JobStatus.CANCELLED, asked.rescue(T1).status());
    assertThrows(IllegalJobTransitionException.class, () -> stopped.requestCancellation(T1));
  }

  @Test
  void a_pending_job_expires_only_once_its_time_has_passed() {
    MarketplaceJob job = MarketplaceJob.pending(publishRequest().expiringAt(T1), T0).stored(JobId.of(5));
    assertFalse(job.isExpiredAt(T1.minusSeconds(1)));
    assertThrows(IllegalStateException.class, () -> job.expire(T1.minusSeconds(1)));
    assertEquals(JobStatus.EXPIRED, job.expire(T1).status());
    assertFalse(job.start(T0).isExpiredAt(T1), "a running job does not expire");
  }

  @Test
  void an_attempt_interrupted_by_a_shutdown_goes_back_to_pending_without_counting() {
    MarketplaceJob running = JobFixtures.runningJob();
    MarketplaceJob released = running.interrupted(JobFixtures.T0.plusSeconds(5));
    assertEquals(JobStatus.PENDING, released.status());
    assertEquals(running.attempts() - 1, released.attempts());
    assertEquals(JobStatus.CANCELLED, running.requestCancellation(JobFixtures.T0).interrupted(JobFixtures.T0).status(),
        "a requested cancellation wins");
    assertThrows(IllegalJobTransitionException.class, () -> JobFixtures.pendingJob().interrupted(JobFixtures.T0));
  }

  @Test
  void long_errors_are_cut() {
    MarketplaceJob failed = runningJob().fail("x".repeat(10_000), T1);
    assertEquals(MarketplaceJob.MAX_ERROR, failed.lastError().length());
  }

  @Test
  void requests_are_validated_as_a_whole() {
    ValidationException e = assertThrows(ValidationException.class, () -> new JobRequest(null,
        JobAction.SYNC_ORDERS, ProductId.of(1), null, 101, 0, T1, T0, "has space"));
    assertEquals(List.of("marketplace", "priority", "maxAttempts", "expiresAt", "idempotencyKey"),
        e.violations().stream().map(FieldViolation::field).toList());
    // whether a product is needed is the type's handler's to say: checked at enqueue (JobHandlers)
    assertEquals(new JobType(Marketplace.VINTED, JobAction.PUBLISH),
        JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, null).type());
    assertThrows(ValidationException.class, () -> new JobProgress(5, 3, ""));
  }
}
