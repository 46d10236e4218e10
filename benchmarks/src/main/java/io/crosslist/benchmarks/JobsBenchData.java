package io.crosslist.benchmarks;

import com.google.inject.Guice;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database of {@link JobsBenchmark}: creating it with its tenants and db-scheduler's table, the server
 * settings that move the figures, enqueueing jobs in bulk and waiting until a queue is empty.
 */
final class JobsBenchData {
  private JobsBenchData() {}

  /** Writes {@code jobs} PENDING jobs spread evenly over tenants 1..{@code tenants}, in bulk, and their dispatch entries. */
  static void enqueueSpread(String url, int jobs, int tenants) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("delete from crosslist.job_dispatch");
      // db-scheduler's table is truncated before each of its rounds; this is the same for the dispatch index,
      // whose dead rows would otherwise pile up across rounds and runs where autovacuum is off
      s.execute("vacuum crosslist.job_dispatch");
      for (int t = 1; t <= tenants; t++) {
        int count = jobs / tenants + (t <= jobs % tenants ? 1 : 0);
        if (count == 0) {
          continue;
        }
        TenantId tenant = TenantId.of(t);
        s.execute(TenantSqlRenderer.render("""
            with j as (
              insert into ${tenant}.marketplace_jobs (marketplace, action, status, priority, attempts, max_attempts,
                                                      run_after, created_at, updated_at)
              select (array['VINTED', 'EBAY', 'ETSY'])[1 + g %% 3], 'SYNC_ORDERS', 'PENDING', 0, 0, 3,
                     now() - interval '1 second', now(), now()
                from generate_series(1, %d) g
              returning id, marketplace, priority, run_after)
            insert into crosslist.job_dispatch (tenant_id, job_id, marketplace, priority, run_after)
            select %d, id, marketplace, priority, run_after from j""".formatted(count, t), tenant));
      }
      s.execute("analyze crosslist.job_dispatch");
    }
  }

  /**
   * The server settings that move these figures most. Some machines run PostgreSQL with autovacuum off: then
   * dead rows pile up across runs in the tenants' job tables and the dispatch index, while db-scheduler's table
   * is truncated every round.
   */
  static void printServerSettings(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_setting('server_version'), current_setting('shared_buffers'),"
            + " current_setting('synchronous_commit'), current_setting('autovacuum')")) {
      rs.next();
      System.out.printf("server: PostgreSQL %s, shared_buffers %s, synchronous_commit %s, autovacuum %s%n",
          rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
  }

  /**
   * Where the server runs with autovacuum off, vacuums the whole database before the run, as autovacuum would
   * have: otherwise the dead row versions of every earlier run's jobs stay in the tenants' tables and indexes,
   * and each run measures more of them (the figures of one machine drifted down run after run). db-scheduler's
   * table is truncated before each of its rounds.
   */
  static void vacuumIfAutovacuumIsOff(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select current_setting('autovacuum')")) {
        rs.next();
        if (rs.getString(1).equals("on")) {
          return;
        }
      }
      long began = System.nanoTime();
      s.execute("vacuum");
      System.out.printf("vacuumed the database (autovacuum is off) in %.0f s%n", (System.nanoTime() - began) / 1e9);
    }
  }

  static void awaitEmpty(String url, String countQuery) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      while (true) {
        try (ResultSet rs = s.executeQuery(countQuery)) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(10);
      }
    }
  }

  /** Creates the database with {@code tenants} provisioned tenants and db-scheduler's table, if needed; idempotent. */
  static String prepare(int tenants) throws Exception {
    String server = BenchmarkDatabase.serverUrl();
    try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + JobsBenchmark.DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("create database " + JobsBenchmark.DATABASE);
        }
      }
    }
    String url = BenchmarkDatabase.jdbcUrlFor(JobsBenchmark.DATABASE);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      // db-scheduler's table for PostgreSQL (its documented schema, version 16)
      s.execute("""
          create table if not exists public.scheduled_tasks (
            task_name text not null, task_instance text not null, task_data bytea,
            execution_time timestamptz not null, picked boolean not null, picked_by text,
            last_success timestamptz, last_failure timestamptz, consecutive_failures int,
            last_heartbeat timestamptz, version bigint not null, priority smallint,
            primary key (task_name, task_instance))""");
      s.execute("create index if not exists execution_time_idx on public.scheduled_tasks (execution_time)");
      s.execute("create index if not exists last_heartbeat_idx on public.scheduled_tasks (last_heartbeat)");
      s.execute("create index if not exists priority_execution_time_idx on public.scheduled_tasks"
          + " (priority desc, execution_time asc)");
    }
    try (PersistenceModule module = new PersistenceModule(PersistenceSettings.forJdbcUrl(url).withMaximumPoolSize(4))) {
      TenantProvisioning provisioning = Guice.createInjector(module).getInstance(TenantProvisioning.class);
      ExecutorService pool = Executors.newFixedThreadPool(3);
      AtomicInteger created = new AtomicInteger();
      List<Future<?>> work = new ArrayList<>();
      long began = System.nanoTime();
      for (int t = 1; t <= tenants; t++) {
        TenantId tenant = TenantId.of(t);
        work.add(pool.submit(() -> {
          if (provisioning.provision(tenant).created() && created.incrementAndGet() % 500 == 0) {
            System.out.printf("provisioned %,d tenants (%.0f s)%n", created.get(), (System.nanoTime() - began) / 1e9);
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();
      if (created.get() > 0) {
        System.out.printf("provisioned %,d tenants in %.0f s%n", created.get(), (System.nanoTime() - began) / 1e9);
      }
    }
    return url;
  }
}
