package io.crosslist.application.job.service;

import io.crosslist.domain.Violations;
import io.crosslist.domain.job.RetryPolicy;
import java.time.Duration;

/**
 * How attempts run.
 *
 * @param retry backoff between attempts that failed with a retryable error
 * @param progressInterval least time between two progress writes of one job (0 writes every report);
 *     the last report is always stored with the outcome
 * @param cancellationCheckInterval least time between two reads of a job's cancellation flag (0 reads
 *     on every question)
 */
public record JobRunSettings(RetryPolicy retry, Duration progressInterval, Duration cancellationCheckInterval) {
  public static final JobRunSettings DEFAULT =
      new JobRunSettings(RetryPolicy.DEFAULT, Duration.ofSeconds(1), Duration.ofSeconds(1));

  public JobRunSettings {
    Violations v = new Violations();
    v.require(retry != null, "retry", "is required");
    v.require(progressInterval != null && !progressInterval.isNegative(), "progressInterval", "must be 0 or more");
    v.require(cancellationCheckInterval != null && !cancellationCheckInterval.isNegative(),
        "cancellationCheckInterval", "must be 0 or more");
    v.throwIfAny();
  }
}
