package io.crosslist.benchmarks;

import io.crosslist.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A baseline's workers, each on its own thread with its own resource (a psql process, or nothing for Flyway's
 * pooled connections), opened once and kept across turns; each worker takes the next tenant when it is done
 * with one, so at most {@code parallel} tenants are in flight, as in Crosslist's sweep.
 *
 * @param <W> what a worker holds
 */
final class FleetWorkers<W extends AutoCloseable> implements AutoCloseable {
  private final List<W> workers = new ArrayList<>();
  private final ExecutorService threads;

  /** Opens the worker of thread {@code index}. */
  @FunctionalInterface
  interface Opener<W> {
    W open(int index) throws Exception;
  }

  /** One tenant's work on one worker. */
  @FunctionalInterface
  interface Work<W> {
    void run(W worker, TenantId tenant) throws Exception;
  }

  FleetWorkers(int parallel, Opener<W> opener) throws Exception {
    threads = Executors.newFixedThreadPool(parallel);
    try {
      for (int i = 0; i < parallel; i++) {
        workers.add(opener.open(i));
      }
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** Works through {@code tenants} while {@code timeline}'s clock runs; fails on the first failure. */
  void run(List<TenantId> tenants, FleetTimeline timeline, Work<W> work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    timeline.start();
    for (W worker : workers) {
      running.add(threads.submit(() -> {
        for (int i = next.getAndIncrement(); i < tenants.size(); i = next.getAndIncrement()) {
          work.run(worker, tenants.get(i));
          timeline.done();
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      timeline.stop();
    }
  }

  @Override
  public void close() throws Exception {
    threads.shutdownNow();
    for (W worker : workers) {
      worker.close();
    }
  }
}
