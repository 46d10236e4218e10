package io.crosslist.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** The load of {@link PoolerBenchmark}: {@code threads} threads repeat one operation for {@code duration}. */
final class Load {
  interface Operation {
    void run() throws Exception;
  }

  /** Runs the load; returns operations per second, or throws the first failure. */
  static double run(int threads, Duration duration, Operation operation) throws InterruptedException {
    LongAdder done = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker = new Thread(() -> {
        while (!stop.get()) {
          try {
            operation.run();
            done.increment();
          } catch (Exception e) {
            failure.compareAndSet(null, e);
            return;
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    long began = System.nanoTime();
    Thread.sleep(duration.toMillis());
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the load failed: " + failure.get().getMessage(), failure.get());
    }
    return done.sum() / ((System.nanoTime() - began) / 1e9);
  }
}
