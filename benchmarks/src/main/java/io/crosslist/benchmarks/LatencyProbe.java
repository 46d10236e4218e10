package io.crosslist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * A stream of requests on a thread of its own while something else runs: one request, a short pause, again,
 * from {@link #resume} to {@link #pause}; then the latencies' percentiles and maximum over every stretch.
 */
final class LatencyProbe {
  private final Runnable request;
  private final long pauseNanos;
  private final List<Long> latencies = new ArrayList<>();
  private Thread thread;
  private volatile boolean stop;
  private volatile RuntimeException failure;

  /** Sends {@code request} with {@code pauseMillis} between the end of one and the start of the next. */
  LatencyProbe(Runnable request, int pauseMillis) {
    this.request = request;
    this.pauseNanos = pauseMillis * 1_000_000L;
  }

  void resume() {
    stop = false;
    thread = new Thread(this::loop, "latency-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      while (!stop) {
        long began = System.nanoTime();
        request.run();
        long took = System.nanoTime() - began;
        synchronized (latencies) {
          latencies.add(took);
        }
        LockSupport.parkNanos(pauseNanos);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  void pause() throws InterruptedException {
    stop = true;
    thread.join();
    if (failure != null) {
      throw new IllegalStateException("a request of the latency probe failed: " + failure.getMessage(), failure);
    }
  }

  int count() {
    synchronized (latencies) {
      return latencies.size();
    }
  }

  /** The {@code p}-th percentile latency in ms (100: the maximum). */
  double percentileMillis(double p) {
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    sorted.sort(null);
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }

  String summary() {
    return String.format(Locale.ROOT, "%,d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms", count(),
        percentileMillis(50), percentileMillis(99), percentileMillis(100));
  }
}
