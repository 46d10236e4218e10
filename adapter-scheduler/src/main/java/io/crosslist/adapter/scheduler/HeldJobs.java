package io.crosslist.adapter.scheduler;

import io.crosslist.domain.job.JobQueue.ClaimedJob;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What one {@link JobWorkerPool} holds: the room for leased, started and running jobs (the dispatcher leases at
 * most the room that is free), the tasks that hold them, the jobs whose handlers run now and those given back at
 * shutdown, and the signal that ends the dispatcher's wait between claims.
 */
final class HeldJobs {
  private final int capacity;
  /** Room for held jobs (leased, started or running): the dispatcher leases at most this many. */
  private final Semaphore slots;
  /** Released to end the dispatcher's wait early (a slot freed, {@link JobWorkerPool#wakeUp}, shutdown). */
  private final Semaphore wake = new Semaphore(0);
  /** Started jobs ({@link ClaimedJob}) and tenants' leases being started ({@link LeaseGroup}), with their tasks. */
  private final Map<Object, Future<?>> tasks = new ConcurrentHashMap<>();
  /** Jobs whose handlers are running now (not those claimed ahead and waiting for a handler). */
  private final Set<ClaimedJob> handling = ConcurrentHashMap.newKeySet();
  /**
   * Jobs whose handlers outlived the shutdown timeout, given back: their handlers' late outcomes are not stored
   * (the job runs again), so they neither write nor log anything.
   */
  private final Set<ClaimedJob> givenBack = ConcurrentHashMap.newKeySet();

  HeldJobs(int capacity) {
    this.capacity = capacity;
    this.slots = new Semaphore(capacity);
  }

  /** Jobs held now: running, or leased or started and waiting for a free handler. */
  int count() {
    return capacity - slots.availablePermits();
  }

  /** Room free now, in jobs. */
  int free() {
    return slots.availablePermits();
  }

  /** Takes room for {@code jobs} jobs, waiting for it. */
  void take(int jobs) throws InterruptedException {
    slots.acquire(jobs);
  }

  /** Gives back room for {@code jobs} jobs, without waking the dispatcher. */
  void giveBackRoom(int jobs) {
    slots.release(jobs);
  }

  /** Frees room for {@code jobs} jobs and wakes the dispatcher, which may claim for it. */
  void free(int jobs) {
    slots.release(jobs);
    wake.release();
  }

  /** A job's handler ended and its outcome is stored (or given up): its room is free. */
  void done(ClaimedJob job) {
    tasks.remove(job);
    free(1);
  }

  /** Ends the dispatcher's current wait at once. */
  void wakeUp() {
    wake.release();
  }

  /**
   * Submits the task that holds {@code key}, registered under the lock of the map's bin before the task can finish
   * and remove itself.
   */
  void submit(Object key, Supplier<Future<?>> submit) {
    tasks.compute(key, (k, v) -> submit.get());
  }

  void remove(Object key) {
    tasks.remove(key);
  }

  boolean isEmpty() {
    return tasks.isEmpty();
  }

  int size() {
    return tasks.size();
  }

  /** The tasks of what is held, live. */
  Map<Object, Future<?>> tasks() {
    return tasks;
  }

  /** Runs a job's handler, marked as running meanwhile. */
  <T> T handle(ClaimedJob job, Supplier<T> handler) {
    handling.add(job);
    try {
      return handler.get();
    } finally {
      handling.remove(job);
    }
  }

  /** Whether the job's handler is running now (else it was claimed ahead, and its handler never began). */
  boolean isHandling(ClaimedJob job) {
    return handling.contains(job);
  }

  /** Marks the job as given back at shutdown: its handler's late outcome is dropped, not stored. */
  void markGivenBack(ClaimedJob job) {
    givenBack.add(job);
  }

  boolean isGivenBack(ClaimedJob job) {
    return givenBack.contains(job);
  }

  /** Waits until {@code wanted} jobs' room is free, at most {@code maxMillis}; returns the room free then. */
  int awaitRoom(int wanted, long maxMillis, BooleanSupplier running) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    int free = slots.availablePermits();
    while (free < wanted && running.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wake.tryAcquire(left, TimeUnit.NANOSECONDS); // each finishing handler releases one permit
      free = slots.availablePermits();
    }
    return free;
  }

  /** The dispatcher's wait: {@code millis}, or until woken up. */
  void pause(long millis) throws InterruptedException {
    wake.drainPermits();
    wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
  }
}
