package io.crosslist.adapter.http;

import io.crosslist.application.port.out.Readiness;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * {@code /health/ready}'s answer, bounded in time: the check runs on its own thread, at most one at a
 * time, and its result is remembered for {@code cacheNanos}. A check that has not answered within
 * {@code timeoutNanos} is reported DOWN at once (the database is not serving in time, which is what
 * a readiness probe asks), so a probe never waits for a pool or a TCP timeout.
 */
final class ReadinessProbe {
  private final Readiness readiness;
  private final long timeoutNanos;
  private final long cacheNanos;
  private final LongSupplier nanoTime;
  private Readiness.Status last;
  private long lastAt;
  private CompletableFuture<Readiness.Status> running;

  ReadinessProbe(Readiness readiness, long timeoutNanos, long cacheNanos, LongSupplier nanoTime) {
    this.readiness = readiness;
    this.timeoutNanos = timeoutNanos;
    this.cacheNanos = cacheNanos;
    this.nanoTime = nanoTime;
  }

  Readiness.Status check() {
    CompletableFuture<Readiness.Status> check;
    synchronized (this) {
      if (last != null && nanoTime.getAsLong() - lastAt < cacheNanos) {
        return last;
      }
      check = running;
      if (check == null) {
        check = CompletableFuture.supplyAsync(this::ask, command -> {
          Thread thread = new Thread(command, "crosslist-readiness");
          thread.setDaemon(true);
          thread.start();
        });
        running = check;
        // may run at once, on this thread, when the check was quick: it then clears "running" itself
        check.whenComplete((status, failure) -> remember(status));
      }
    }
    try {
      return check.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return new Readiness.Status(false, "database did not answer within "
          + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Readiness.Status(false, "readiness check interrupted");
    } catch (ExecutionException e) {
      return new Readiness.Status(false, "readiness check failed");
    }
  }

  private Readiness.Status ask() {
    try {
      return readiness.check();
    } catch (RuntimeException e) { // the port never throws; a broken implementation is not "ready" either
      return new Readiness.Status(false, "readiness check failed: " + e.getClass().getSimpleName());
    }
  }

  private synchronized void remember(Readiness.Status status) {
    last = status;
    lastAt = nanoTime.getAsLong();
    running = null;
  }
}
