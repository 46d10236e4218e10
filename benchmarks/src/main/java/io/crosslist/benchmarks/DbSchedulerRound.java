package io.crosslist.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * db-scheduler's side of {@link JobsBenchmark}: as many no-op one-time tasks as Crosslist's round runs, executed
 * with as many threads on the same database.
 */
final class DbSchedulerRound {
  private DbSchedulerRound() {}

  /** Inserts {@code jobs} due tasks and runs them with one scheduler of {@code threads} threads: its rate and CPU. */
  static MeasuredRun throughput(String url, int jobs, int threads) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("truncate public.scheduled_tasks");
      s.execute("insert into public.scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
          + " select 'noop', 'i' || g, now(), false, 1 from generate_series(1, " + jobs + ") g");
      s.execute("analyze public.scheduled_tasks");
    }
    AtomicInteger executed = new AtomicInteger();
    OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> executed.incrementAndGet());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(threads + 4);
    config.addDataSourceProperty("ApplicationName", JobsBenchmark.DB_SCHEDULER_APPLICATION); // for CpuMeter
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      CpuMeter cpu = CpuMeter.start(url, JobsBenchmark.DB_SCHEDULER_APPLICATION);
      long began = System.nanoTime();
      Scheduler scheduler = Scheduler.create(dataSource, noop).threads(threads).pollingInterval(Duration.ofMillis(50))
          .pollUsingLockAndFetch(0.5, 1.0).registerShutdownHook().build();
      scheduler.start();
      while (executed.get() < jobs) {
        Thread.sleep(5);
      }
      JobsBenchData.awaitEmpty(url, "select count(*) from public.scheduled_tasks");
      double rate = jobs / ((System.nanoTime() - began) / 1e9);
      CpuMeter.Reading used = cpu.stop(jobs);
      scheduler.stop();
      return new MeasuredRun(rate, used);
    }
  }
}
