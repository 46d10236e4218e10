package io.crosslist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * A stream of requests on a thread of its own while something else runs: one request, a short pause, again,
 * until closed; then the latencies' percentiles and maximum.
 */
final class LatencyProbe implements AutoCloseable {
  private final Runnable request;
  private final long pauseNanos;
  private final List<Long> latencies = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stop;
  private volatile RuntimeException failure;

  private LatencyProbe(Runnable request, long pauseNanos) {
    this.request = request;
    this.pauseNanos = pauseNanos;
    this.thread = new Thread(this::loop, "latency-probe");
    this.thread.setDaemon(true);
  }

  /** Starts sending {@code request} with {@code pauseMillis} between the end of one and the start of the next. */
  static LatencyProbe start(Runnable request, int pauseMillis) {
    LatencyProbe probe = new LatencyProbe(request, pauseMillis * 1_000_000L);
    probe.thread.start();
    return probe;
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

  @Override
  public void close() throws InterruptedException {
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
