package io.crosslist.application.schedule;

import io.crosslist.domain.Violations;
import java.time.Duration;

/**
 * The recurring tasks' own parameters. Validated as a whole; every problem names its field and rule.
 *
 * @param jobRetention finished jobs older than this are deleted by job-cleanup; at least 1 hour
 * @param draftsMaxAgeDays drafts not updated for this many days are deleted by drafts-cleanup; 1 to 3,650
 * @param refreshWindow token-refresh refreshes tokens expiring within this window; 1 minute to 30 days
 * @param keepAliveFailures failed Vinted keep-alives in a row that expire a connection; 1 to 100
 * @param firstPollLookback how far back the first orders poll of an account looks; 1 minute to 30 days
 * @param parallelism tenants one task works on at once; 1 to 64
 */
public record RecurringTaskSettings(Duration jobRetention, int draftsMaxAgeDays, Duration refreshWindow,
    int keepAliveFailures, Duration firstPollLookback, int parallelism) {

  /** 30 days of finished jobs, 30-day drafts, a 10-minute refresh window, 3 failures, a day back, 4 tenants at once. */
  public static final RecurringTaskSettings DEFAULTS = new RecurringTaskSettings(Duration.ofDays(30), 30,
      Duration.ofMinutes(10), 3, Duration.ofDays(1), 4);

  public RecurringTaskSettings {
    Violations v = new Violations();
    v.require(jobRetention != null && jobRetention.compareTo(Duration.ofHours(1)) >= 0, "jobRetention",
        "must be at least 1 hour");
    v.require(draftsMaxAgeDays >= 1 && draftsMaxAgeDays <= 3_650, "draftsMaxAgeDays", "must be between 1 and 3650");
    v.require(within(refreshWindow), "refreshWindow", "must be between 1 minute and 30 days");
    v.require(keepAliveFailures >= 1 && keepAliveFailures <= 100, "keepAliveFailures", "must be between 1 and 100");
    v.require(within(firstPollLookback), "firstPollLookback", "must be between 1 minute and 30 days");
    v.require(parallelism >= 1 && parallelism <= 64, "parallelism", "must be between 1 and 64");
    v.throwIfAny();
  }

  private static boolean within(Duration d) {
    return d != null && d.compareTo(Duration.ofMinutes(1)) >= 0 && d.compareTo(Duration.ofDays(30)) <= 0;
  }
}
