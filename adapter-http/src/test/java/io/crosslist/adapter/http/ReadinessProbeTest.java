package io.crosslist.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.port.out.Readiness;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

  @Test
  void a_check_that_hangs_is_reported_down_and_only_one_runs_at_a_time() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    Readiness hanging = () -> {
      started.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Readiness.Status(true, "up at last");
    };
    ReadinessProbe probe = new ReadinessProbe(hanging, TimeUnit.MILLISECONDS.toNanos(50), 0, System::nanoTime);
    for (int i = 0; i < 5; i++) {
      Readiness.Status status = probe.check();
      assertFalse(status.ready());
      assertTrue(status.detail().contains("did not answer within 50 ms"), status.detail());
    }
    assertEquals(1, started.get(), "the hanging check is not started again while it runs");
    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Readiness.Status status = probe.check();
    while (!status.ready() && System.nanoTime() < deadline) {
      status = probe.check();
    }
    assertTrue(status.ready(), status.detail());
  }

  @Test
  void a_quick_check_always_answers_and_is_reused_within_the_cache_period() {
    AtomicInteger asked = new AtomicInteger();
    Readiness quick = () -> new Readiness.Status(true, "up " + asked.incrementAndGet());
    ReadinessProbe uncached = new ReadinessProbe(quick, TimeUnit.SECONDS.toNanos(5), 0, System::nanoTime);
    for (int i = 0; i < 2_000; i++) { // a check done before the probe registers for its end must not be lost
      assertTrue(uncached.check().ready());
    }
    AtomicLong now = new AtomicLong();
    AtomicInteger cachedAsks = new AtomicInteger();
    ReadinessProbe cached = new ReadinessProbe(() -> new Readiness.Status(true, "n" + cachedAsks.incrementAndGet()),
        TimeUnit.SECONDS.toNanos(5), 1_000, now::get);
    cached.check();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cachedAsks.get() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    now.addAndGet(500);
    cached.check();
    assertEquals(1, cachedAsks.get(), "reused within the period");
    now.addAndGet(1_000);
    cached.check();
    assertEquals(2, cachedAsks.get(), "asked again after it");
  }
}
