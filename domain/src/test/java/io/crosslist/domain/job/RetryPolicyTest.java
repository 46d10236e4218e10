package io.crosslist.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ValidationException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void without_jitter_the_delay_doubles_up_to_the_cap() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
    Random random = new Random(1);
    assertEquals(Duration.ofSeconds(1), policy.delayAfter(1, random));
    assertEquals(Duration.ofSeconds(2), policy.delayAfter(2, random));
    assertEquals(Duration.ofSeconds(8), policy.delayAfter(4, random));
    assertEquals(Duration.ofSeconds(10), policy.delayAfter(5, random));
    assertEquals(Duration.ofSeconds(10), policy.delayAfter(1_000, random), "no overflow on absurd counts");
  }

  @Test
  void jitter_spreads_delays_within_its_bounds() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(10), 0.2);
    Random random = new Random(20261122);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      Duration d = policy.delayAfter(1, random);
      assertTrue(d.toMillis() >= 8_000 && d.toMillis() <= 12_000, d.toString());
      seen.add(d);
    }
    assertTrue(seen.size() > 100, "delays are spread, not identical: " + seen.size());
  }

  @Test
  void settings_are_checked() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1), 0.9));
    assertEquals("maxDelay: must be at least baseDelay; jitter: must be between 0 and 0.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.delayAfter(0, new Random(1)));
  }
}
