package io.crosslist.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When each tenant of one system's fleet operation finished, on a clock that runs only while that system works
 * (the systems take turns, a tenth of the fleet each): the operation's rate, and its wall time per tenant by
 * tenth of the fleet, which shows how the cost of a tenant grows with the catalog.
 */
final class FleetTimeline {
  private final String label;
  private final int total;
  /** Clock time (ns) at which each tenant finished, in finishing order. */
  private final long[] ends;
  private final AtomicInteger done = new AtomicInteger();
  /** Clock time of the turns before this one. */
  private long clockBefore;
  private long turnBegan;

  FleetTimeline(String label, int total) {
    this.label = label;
    this.total = total;
    this.ends = new long[total];
  }

  String label() {
    return label;
  }

  /** Starts this system's turn: the clock runs. */
  void start() {
    turnBegan = System.nanoTime();
  }

  /** Ends this system's turn: the clock stops. */
  void stop() {
    clockBefore += System.nanoTime() - turnBegan;
  }

  /** Records one finished tenant. */
  void done() {
    long clock = clockBefore + System.nanoTime() - turnBegan;
    int n = done.incrementAndGet();
    if (n > total) {
      throw new IllegalStateException(label + ": more tenants finished than the " + total + " expected");
    }
    ends[n - 1] = clock;
  }

  int count() {
    return done.get();
  }

  double seconds() {
    return clockBefore / 1e9;
  }

  double perSecond() {
    return count() / seconds();
  }

  /** Clock time per tenant in each tenth of the tenants finished (the inverse of the rate in that tenth), ms. */
  double[] millisPerTenantByTenth() {
    long[] sorted = Arrays.copyOf(ends, count());
    Arrays.sort(sorted);
    double[] tenths = new double[10];
    for (int k = 0; k < 10; k++) {
      int from = sorted.length * k / 10;
      int to = sorted.length * (k + 1) / 10;
      long start = from == 0 ? 0 : sorted[from - 1];
      tenths[k] = to == from ? Double.NaN : (sorted[to - 1] - start) / 1e6 / (to - from);
    }
    return tenths;
  }

  /** A line for the progress log of a long run. */
  String progress() {
    return String.format(Locale.ROOT, "%s: %,d/%,d in %.0f s", label, count(), total, seconds());
  }
}
