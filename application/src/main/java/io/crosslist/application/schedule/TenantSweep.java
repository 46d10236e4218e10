package io.crosslist.application.schedule;

import io.crosslist.domain.tenant.TenantId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work for every tenant a {@link TenantPages} source yields, page by page (never a
 * catalog scan), on at most {@code parallelism} threads. A tenant whose work throws is logged, counted
 * and skipped, and the sweep goes on; the result is a {@link RunSummary}.
 *
 * <pre>{@code
 * RunSummary summary = new TenantSweep("drafts-cleanup", 4, 500)
 *     .run((after, limit) -> directory.activeTenants(Optional.ofNullable(after), limit),
 *          tenant -> cleanUp.cleanUp(tenant, 30));
 * }</pre>
 */
public final class TenantSweep {
  private static final Logger LOG = System.getLogger(TenantSweep.class.getName());
  private final String task;
  private final int parallelism;
  private final int pageSize;

  /** One page of tenants in id order after {@code after} (null: from the start). */
  @FunctionalInterface
  public interface TenantPages {
    List<TenantId> page(TenantId after, int limit);
  }

  /** What {@link TenantWork} returns for a tenant it did not apply to (e.g. no account to keep alive). */
  public static final long SKIPPED = -1;

  /** The work for one tenant: returns how many items it changed, or {@link #SKIPPED}. */
  @FunctionalInterface
  public interface TenantWork {
    long run(TenantId tenant) throws Exception;
  }

  public TenantSweep(String task, int parallelism, int pageSize) {
    this.task = Objects.requireNonNull(task, "task");
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1 to 64, got " + parallelism);
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("pageSize must be 1 to 10000, got " + pageSize);
    }
    this.parallelism = parallelism;
    this.pageSize = pageSize;
  }

  /** The task this sweep serves, as named in its summary and logs. */
  public String task() {
    return task;
  }

  public RunSummary run(TenantPages pages, TenantWork work) {
    return run(pages, work, SweepProgress.NONE);
  }

  /**
   * As {@link #run(TenantPages, TenantWork, SweepProgress)} over {@code scope}: {@link TenantScope#ALL} walks
   * {@code pages}; a selection walks the selected tenants instead, works on those {@code pages} yields (one
   * look-up each) and counts the others as skipped.
   */
  public RunSummary run(TenantScope scope, TenantPages pages, TenantWork work, SweepProgress progress) {
    Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(work, "work");
    if (scope.isAll()) {
      return run(pages, work, progress);
    }
    List<TenantId> selected = scope.selected().orElseThrow();
    TenantPages fromSelection = (after, limit) -> {
      int at = after == null ? -1 : Collections.binarySearch(selected, after);
      int from = at >= 0 ? at + 1 : -at - 1;
      return selected.subList(from, Math.min(selected.size(), from + limit));
    };
    return run(fromSelection, tenant -> concerns(pages, tenant) ? work.run(tenant) : SKIPPED, progress);
  }

  /** Whether {@code pages} yields {@code tenant}: the first tenant after the one before it. */
  private static boolean concerns(TenantPages pages, TenantId tenant) {
    List<TenantId> next = pages.page(tenant.value() == 1 ? null : TenantId.of(tenant.value() - 1), 1);
    return !next.isEmpty() && next.get(0).equals(tenant);
  }

  /** As {@link #run(TenantPages, TenantWork)}, telling {@code progress} about each tenant as it ends. */
  public RunSummary run(TenantPages pages, TenantWork work, SweepProgress progress) {
    Objects.requireNonNull(progress, "progress");
    long began = System.nanoTime();
    AtomicInteger processed = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    List<TenantFailure> failed = new ArrayList<>();
    int failures = 0;
    long items = 0;
    ExecutorService threads = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "crosslist-sweep-" + task);
      thread.setDaemon(true);
      return thread;
    });
    try {
      TenantId after = null;
      while (!Thread.currentThread().isInterrupted()) {
        List<TenantId> page = pages.page(after, pageSize);
        if (page.isEmpty()) {
          break;
        }
        List<Future<Long>> results = new ArrayList<>(page.size());
        for (TenantId tenant : page) {
          results.add(threads.submit(() -> work.run(tenant)));
        }
        for (int i = 0; i < page.size(); i++) {
          TenantId tenant = page.get(i);
          try {
            long changed = results.get(i).get();
            if (changed == SKIPPED) {
              skipped.incrementAndGet();
            } else {
              items += changed;
              processed.incrementAndGet();
            }
            progress.done(tenant, null);
          } catch (ExecutionException e) {
            failures++;
            TenantFailure failure = new TenantFailure(tenant, describe(e.getCause()));
            if (failed.size() < RunSummary.FAILED_SAMPLE) {
              failed.add(failure);
            }
            LOG.log(Level.WARNING, "{0}: {1} failed, skipped: {2}", task, tenant, e.getCause().toString());
            progress.done(tenant, failure);
          }
        }
        after = page.get(page.size() - 1);
        if (page.size() < pageSize) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutdown: report what was done so far
    } finally {
      threads.shutdownNow();
    }
    return new RunSummary(task, processed.get(), failures, skipped.get(), items,
        Duration.ofNanos(System.nanoTime() - began), failed);
  }

  /** A failure in one line: its message, or its type when it has none. */
  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }
}
