package io.crosslist.benchmarks;

import io.crosslist.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When each tenant of one fleet operation finished: the operation's rate, and its wall time per tenant by tenth
 * of the run, which shows how the cost of a tenant grows with the catalog. Also works a fleet through
 * per-thread workers (a psql process, a Flyway loop) for the baselines, as Crosslist's sweep does with its own.
 */
final class FleetTimeline {
  private final String label;
  private final int total;
  private final long[] ends;
  private final AtomicInteger done = new AtomicInteger();
  private long began;

  /** One worker of a baseline, on its own thread (and its own connection or process). */
  interface Worker extends AutoCloseable {
    void run(TenantId tenant) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** Makes the worker of thread {@code index}; called before the clock starts. */
  @FunctionalInterface
  interface WorkerFactory {
    Worker open(int index) throws Exception;
  }

  FleetTimeline(String label, int total) {
    this.label = label;
    this.total = total;
    this.ends = new long[total];
  }

  FleetTimeline start() {
    began = System.nanoTime();
    return this;
  }

  /** Records one finished tenant; prints a progress line at each tenth (long runs are watched from a log). */
  void done() {
    long now = System.nanoTime();
    int n = done.incrementAndGet();
    if (n > total) {
      throw new IllegalStateException(label + ": more tenants finished than the " + total + " expected");
    }
    ends[n - 1] = now;
    if (total >= 100 && n % (total / 10) == 0) {
      System.out.printf(Locale.ROOT, "    %s: %,d/%,d in %.0f s%n", label, n, total, (now - began) / 1e9);
    }
  }

  String label() {
    return label;
  }

  int count() {
    return done.get();
  }

  double seconds() {
    return (last() - began) / 1e9;
  }

  double perSecond() {
    return count() / seconds();
  }

  /** Wall time per tenant in each tenth of the tenants finished (the inverse of the rate in that tenth), ms. */
  double[] millisPerTenantByTenth() {
    long[] sorted = Arrays.copyOf(ends, count());
    Arrays.sort(sorted);
    double[] tenths = new double[10];
    for (int k = 0; k < 10; k++) {
      int from = sorted.length * k / 10;
      int to = sorted.length * (k + 1) / 10;
      long start = from == 0 ? began : sorted[from - 1];
      tenths[k] = to == from ? Double.NaN : (sorted[to - 1] - start) / 1e6 / (to - from);
    }
    return tenths;
  }

  private long last() {
    long last = began;
    for (int i = 0; i < count(); i++) {
      last = Math.max(last, ends[i]);
    }
    return last;
  }

  /**
   * Works through {@code tenants} on {@code parallel} threads, each with its own worker pulling the next tenant,
   * so that at most {@code parallel} tenants are in flight, as in Crosslist's sweep. Fails on the first failure.
   */
  static FleetTimeline run(String label, List<TenantId> tenants, int parallel, WorkerFactory factory)
      throws Exception {
    List<Worker> workers = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(parallel);
    try {
      for (int i = 0; i < parallel; i++) {
        workers.add(factory.open(i));
      }
      FleetTimeline timeline = new FleetTimeline(label, tenants.size()).start();
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (Worker worker : workers) {
        running.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < tenants.size(); i = next.getAndIncrement()) {
            worker.run(tenants.get(i));
            timeline.done();
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return timeline;
    } finally {
      threads.shutdownNow();
      for (Worker worker : workers) {
        worker.close();
      }
    }
  }
}
