package io.crosslist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * A stream of requests on a thread of its own while something else runs: one request, a short pause, again,
 * from {@link #start} to {@link #stop}; then the percentiles and maximum of the latencies of the requests that
 * began while {@link #recording} was on. It runs through every system's turn, so that each works beside the same
 * load, and records during Crosslist's.
 */
final class LatencyProbe {
  private final Runnable request;
  private final long pauseNanos;
  private final List<Long> latencies = new ArrayList<>();
  private Thread thread;
  private volatile boolean stop;
  private volatile boolean recording;
  private volatile RuntimeException failure;

  /** Sends {@code request} with {@code pauseMillis} between the end of one and the start of the next. */
  LatencyProbe(Runnable request, int pauseMillis) {
    this.request = request;
    this.pauseNanos = pauseMillis * 1_000_000L;
  }

  void start() {
    stop = false;
    thread = new Thread(this::loop, "latency-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      while (!stop) {
        boolean kept = recording;
        long began = System.nanoTime();
        request.run();
        long took = System.nanoTime() - began;
        if (kept) {
          synchronized (latencies) {
            latencies.add(took);
          }
        }
        LockSupport.parkNanos(pauseNanos);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /** Whether the requests that begin from now on are counted. */
  void recording(boolean on) {
    recording = on;
  }

  void stop() throws InterruptedException {
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
