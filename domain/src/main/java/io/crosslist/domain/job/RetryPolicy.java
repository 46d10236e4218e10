package io.crosslist.domain.job;

import io.crosslist.domain.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed attempt is tried again: exponential backoff with jitter. After attempt {@code n} the
 * delay is {@code min(maxDelay, baseDelay * 2^(n-1))}, moved at random by up to {@code jitter} of
 * itself in either direction so that many jobs failing together do not retry together.
 *
 * @param baseDelay delay after the first attempt, at least 1 ms
 * @param maxDelay cap of the delay, at least baseDelay
 * @param jitter 0 (none) to 0.5 (±50%)
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, double jitter) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(30), 0.2);

  public RetryPolicy {
    Violations v = new Violations();
    v.require(baseDelay != null && baseDelay.toMillis() >= 1, "baseDelay", "must be at least 1ms");
    v.require(maxDelay != null && baseDelay != null && maxDelay.compareTo(baseDelay) >= 0, "maxDelay",
        "must be at least baseDelay");
    v.require(jitter >= 0 && jitter <= 0.5, "jitter", "must be between 0 and 0.5");
    v.throwIfAny();
  }

  /** The delay before the next attempt, after {@code attemptsMade} attempts (at least 1). */
  public Duration delayAfter(int attemptsMade, RandomGenerator random) {
    if (attemptsMade < 1) {
      throw new IllegalArgumentException("attemptsMade must be at least 1, got " + attemptsMade);
    }
    long cap = maxDelay.toMillis();
    long delay = Math.min(baseDelay.toMillis(), cap);
    for (int attempt = 1; attempt < attemptsMade && delay < cap; attempt++) {
      delay = delay > cap / 2 ? cap : delay * 2; // doubling, without overflowing past the cap
    }
    long capped = delay;
    double factor = 1 - jitter + 2 * jitter * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
  }

  public Instant nextAttemptAt(int attemptsMade, Instant now, RandomGenerator random) {
    return now.plus(delayAfter(attemptsMade, random));
  }
}
