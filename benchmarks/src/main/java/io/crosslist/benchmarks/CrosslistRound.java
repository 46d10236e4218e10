package io.crosslist.benchmarks;

import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.marketplace.Marketplace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * Crosslist's side of {@link JobsBenchmark} (and the jobs measure of {@link PoolerBenchmark}): a throughput round of
 * one {@link JobWorkerPool} over no-op jobs spread over the tenants, and the dispatch cost of the claim cycles.
 */
final class CrosslistRound {
  private CrosslistRound() {}

  /** Enqueues {@code jobs} no-op jobs over {@code tenants} tenants and runs them with one worker: its rate and CPU. */
  static MeasuredRun throughput(NoOpEngine engine, String url, int jobs, int threads, int tenants,
      int jobsPerTenant, int tenantCap, Duration finishDelay) throws Exception {
    JobsBenchData.enqueueSpread(url, jobs, tenants);
    WorkerSettings settings = WorkerSettings.defaults("bench").withConcurrency(threads, threads * 4)
        .withCaps(jobsPerTenant, tenantCap, tenantCap).withFinishDelay(finishDelay);
    int before = engine.executed.get();
    CpuMeter cpu = CpuMeter.start(url, JobsBenchmark.CROSSLIST_APPLICATION);
    long began = System.nanoTime();
    try (JobWorkerPool pool = new JobWorkerPool(settings, JobWorkerPool.Ports.of(engine.service),
        new SimpleMeterRegistry()).start()) {
      // poll a counter, not the database (a count(*) every few ms would steal the CPU being measured);
      // then check once that every job also finished in the database
      while (engine.executed.get() - before < jobs) {
        Thread.sleep(5);
      }
      JobsBenchData.awaitEmpty(url, "select count(*) from crosslist.job_dispatch");
    }
    double rate = jobs / ((System.nanoTime() - began) / 1e9);
    return new MeasuredRun(rate, cpu.stop(jobs));
  }

  /**
   * Dispatch cycles only, nothing run, over {@code jobs} waiting jobs of {@code tenants} tenants: the
   * lease on the shared index alone ({@code withStart} false: the dispatch the target is about), or the
   * lease plus the start of each tenant's jobs in its schema (the whole claim, for comparison).
   */
  static double dispatchCost(NoOpEngine engine, String url, int jobs, int tenants, boolean withStart)
      throws Exception {
    JobsBenchData.enqueueSpread(url, jobs, tenants);
    ClaimRequest request = new ClaimRequest(100, 10, 1_000, Duration.ofMinutes(10), Marketplace.BUILT_IN);
    int claimed = 0;
    long began = System.nanoTime();
    while (claimed < jobs) {
      int batch = withStart ? engine.service.claim("dispatch-bench", request).size()
          : engine.service.lease("dispatch-bench", request).size();
      if (batch == 0) {
        throw new IllegalStateException("claimed only " + claimed + " of " + jobs);
      }
      claimed += batch;
    }
    double micros = (System.nanoTime() - began) / 1e3 / claimed;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("delete from crosslist.job_dispatch");
    }
    return micros;
  }
}
