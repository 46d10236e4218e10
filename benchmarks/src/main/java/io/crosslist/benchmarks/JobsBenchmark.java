package io.crosslist.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs engine's benchmark (issue #3), a harness rather than JMH because what it measures is
 * end-to-end throughput of concurrent workers on PostgreSQL:
 *
 * <ol>
 *   <li><b>Throughput:</b> no-op jobs spread over 1,000 tenants, claimed, run and completed by one
 *       {@link JobWorkerPool}; against db-scheduler executing as many no-op one-time tasks with as
 *       many threads on the same database, in the same run, alternating.
 *   <li><b>CPU per job</b> of each system in each throughput round: its pool's PostgreSQL backends (read from
 *       {@code /proc} when the server runs on this machine) and this JVM ({@link CpuMeter}). Steadier than the
 *       rates on a shared machine, and it says which side the time goes to.
 *   <li><b>Dispatch cost:</b> leases only (the dispatch on the shared index), then leases plus starts, of
 *       the same number of waiting jobs spread over 10 tenants, then over 10,000: the time per job of
 *       the claim cycles, single-threaded.
 * </ol>
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.crosslist.benchmarks.JobsBenchmark [--jobs N]
 * [--threads N] [--rounds N] [--tenants N] [--per-tenant N] [--tenant-cap N] [--finish-delay D] [--throughput-only]
 * [--drop]}: {@code --per-tenant} jobs of one tenant per claim (default 4), within {@code --tenant-cap} held per
 * tenant (default 8), and the worker's {@code finishDelay} (default its own). The database {@code
 * crosslist_jobs_bench} (10,000 provisioned tenants; with {@code --throughput-only}, only the {@code --tenants}
 * the throughput measure uses, and no dispatch measure) is created on first use and kept; {@code --drop}
 * removes it afterwards.
 */
public final class JobsBenchmark {
  static final String DATABASE = "crosslist_jobs_bench";
  static final int SPREAD_TENANTS = 1_000;
  static final int MANY_TENANTS = 10_000;
  static final int FEW_TENANTS = 10;
  /** Crosslist's pool names its connections so (ConnectionPool); CpuMeter finds their backends by it. */
  static final String CROSSLIST_APPLICATION = "crosslist";
  static final String DB_SCHEDULER_APPLICATION = "db-scheduler";

  private JobsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = 20_000;
    int threads = 16;
    int rounds = 3;
    int dispatchJobs = 10_000;
    boolean drop = false;
    int spread = SPREAD_TENANTS;
    int perTenant = PersistenceSettings.DEFAULT_CONNECTIONS_PER_TENANT;
    boolean throughputOnly = false;
    String jdbcParams = "";
    int jobsPerTenant = 4;
    int tenantCap = 8;
    Duration finishDelay = WorkerSettings.defaults("bench").finishDelay();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jobs" -> jobs = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--dispatch-jobs" -> dispatchJobs = Integer.parseInt(args[++i]);
        case "--drop" -> drop = true;
        case "--tenants" -> spread = Integer.parseInt(args[++i]);
        case "--connections-per-tenant" -> perTenant = Integer.parseInt(args[++i]);
        case "--throughput-only" -> throughputOnly = true;
        case "--jdbc-params" -> jdbcParams = args[++i];
        case "--per-tenant" -> jobsPerTenant = Integer.parseInt(args[++i]);
        case "--tenant-cap" -> tenantCap = Integer.parseInt(args[++i]);
        case "--finish-delay" -> finishDelay = Duration.parse(args[++i]);
        default -> {
          System.err.println("usage: JobsBenchmark [--jobs N] [--threads N] [--rounds N] [--dispatch-jobs N] [--tenants N] [--connections-per-tenant N] [--throughput-only] [--jdbc-params k=v&...] [--per-tenant N] [--tenant-cap N] [--finish-delay PT0.02S] [--drop];"
              + " unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    System.out.printf("machine: %d cores, %s; PostgreSQL at %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"), BenchmarkDatabase.serverUrl());
    // the dispatch measure needs 10,000 tenants (about 40 minutes to provision on a new machine); the
    // throughput measure needs only the tenants it spreads jobs over
    System.out.printf(Locale.ROOT, "crosslist worker: %d handler threads, %d jobs per tenant per claim, tenant cap %d,"
        + " finishDelay %s%n", threads, jobsPerTenant, tenantCap, finishDelay);
    String url = prepare(throughputOnly ? spread : MANY_TENANTS);
    printServerSettings(url);
    vacuumIfAutovacuumIsOff(url);
    if (!jdbcParams.isEmpty()) { // PgJDBC settings for both systems, e.g. prepareThreshold=1
      url = url + (url.contains("?") ? "&" : "?") + jdbcParams;
      System.out.println("JDBC URL parameters for both systems: " + jdbcParams);
    }
    try (PersistenceModule module = new PersistenceModule(PersistenceSettings.forJdbcUrl(url)
        .withMaximumPoolSize(threads + 4).withConnectionsPerTenant(perTenant))) {
      Injector injector = Guice.createInjector(module);
      Engine engine = new Engine(injector);
      List<Double> crosslist = new ArrayList<>();
      List<Double> dbScheduler = new ArrayList<>();
      // one unmeasured round each first, so that neither system pays for the JVM's just-in-time compilation
      // (db-scheduler used to run second in a JVM that Crosslist's round had warmed up for PgJDBC and HikariCP)
      int warmUpJobs = Math.max(1_000, jobs / 4);
      System.out.printf(Locale.ROOT, "warm-up (not measured): crosslist %,.0f jobs/s, db-scheduler %,.0f jobs/s%n",
          crosslistThroughput(engine, url, warmUpJobs, threads, spread, jobsPerTenant, tenantCap, finishDelay)
              .jobsPerSecond(),
          dbSchedulerThroughput(url, warmUpJobs, threads).jobsPerSecond());
      List<Double> crosslistServer = new ArrayList<>();
      List<Double> dbSchedulerServer = new ArrayList<>();
      List<Double> crosslistJvm = new ArrayList<>();
      List<Double> dbSchedulerJvm = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Phase ours = crosslistThroughput(engine, url, jobs, threads, spread, jobsPerTenant, tenantCap, finishDelay);
        Phase theirs = dbSchedulerThroughput(url, jobs, threads);
        crosslist.add(ours.jobsPerSecond());
        dbScheduler.add(theirs.jobsPerSecond());
        crosslistServer.add(ours.cpu().serverMicros());
        dbSchedulerServer.add(theirs.cpu().serverMicros());
        crosslistJvm.add(ours.cpu().jvmMicros());
        dbSchedulerJvm.add(theirs.cpu().jvmMicros());
        System.out.printf(Locale.ROOT, "round %d: crosslist %,.0f jobs/s, db-scheduler %,.0f jobs/s, ratio %.2f;"
                + " CPU per job: server %.0f us and %.0f us, JVM %.0f us and %.0f us%n", round, ours.jobsPerSecond(),
            theirs.jobsPerSecond(), ours.jobsPerSecond() / theirs.jobsPerSecond(), ours.cpu().serverMicros(),
            theirs.cpu().serverMicros(), ours.cpu().jvmMicros(), theirs.cpu().jvmMicros());
      }
      double ours = median(crosslist);
      double theirs = median(dbScheduler);
      System.out.printf(Locale.ROOT, "THROUGHPUT (median of %d): crosslist %,.0f jobs/s over %,d tenants, db-scheduler"
              + " %,.0f jobs/s; ratio %.2f (target >= 1.00 and >= 5,000 jobs/s)%n", rounds, ours, spread,
          theirs, ours / theirs);
      // the server's CPU per job is the steadier measure on a shared machine: less is better, so the ratio is
      // db-scheduler's over Crosslist's, like the throughput ratio (above 1: Crosslist spends less)
      System.out.printf(Locale.ROOT, "CPU PER JOB (median of %d): PostgreSQL backends crosslist %.0f us, db-scheduler"
              + " %.0f us, ratio %.2f; JVM crosslist %.0f us, db-scheduler %.0f us%s%n",
          rounds, median(crosslistServer), median(dbSchedulerServer),
          median(dbSchedulerServer) / median(crosslistServer), median(crosslistJvm), median(dbSchedulerJvm),
          Double.isNaN(median(crosslistServer)) ? " (server CPU: PostgreSQL's processes are not visible here)" : "");
      if (!throughputOnly) {
        List<Double> few = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        List<Double> fewWithStart = new ArrayList<>();
        List<Double> manyWithStart = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          few.add(dispatchCost(engine, url, dispatchJobs, FEW_TENANTS, false));
          many.add(dispatchCost(engine, url, dispatchJobs, MANY_TENANTS, false));
          fewWithStart.add(dispatchCost(engine, url, dispatchJobs, FEW_TENANTS, true));
          manyWithStart.add(dispatchCost(engine, url, dispatchJobs, MANY_TENANTS, true));
          System.out.printf(Locale.ROOT, "round %d: dispatch (lease) %.1f us/job with %d tenants, %.1f us/job with %,d"
                  + " tenants; lease + start %.1f and %.1f us/job%n", round, few.get(round - 1), FEW_TENANTS,
              many.get(round - 1), MANY_TENANTS, fewWithStart.get(round - 1), manyWithStart.get(round - 1));
        }
        System.out.printf(Locale.ROOT, "DISPATCH COST (median of %d): %.1f us/job with %d tenants, %.1f us/job with %,d"
                + " tenants; ratio %.2f (target <= 1.20)%n", rounds, median(few), FEW_TENANTS, median(many),
            MANY_TENANTS, median(many) / median(few));
        System.out.printf(Locale.ROOT, "LEASE + START, for comparison (median of %d): %.1f us/job with %d tenants, %.1f"
                + " us/job with %,d tenants; ratio %.2f%n", rounds, median(fewWithStart), FEW_TENANTS,
            median(manyWithStart), MANY_TENANTS, median(manyWithStart) / median(fewWithStart));
      }
    }
    if (drop) {
      try (Connection c = DriverManager.getConnection(BenchmarkDatabase.serverUrl()); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + DATABASE + " with (force)");
      }
    }
  }

  /** The engine wired as bootstrap wires it, with a no-op handler for every (marketplace, action). */
  static final class Engine {
    final JobQueue queue;
    final JobExecutionService service;
    /** Handler runs so far: the throughput clock watches this, as it watches db-scheduler's own counter. */
    final AtomicInteger executed = new AtomicInteger();

    Engine(Injector injector) {
      this.queue = injector.getInstance(JobQueue.class);
      List<JobHandler> noOps = new ArrayList<>();
      for (Marketplace marketplace : Marketplace.BUILT_IN) {
        for (JobAction action : JobAction.BUILT_IN) {
          noOps.add(new JobHandler() {
            @Override
            public Marketplace marketplace() {
              return marketplace;
            }

            @Override
            public JobAction action() {
              return action;
            }

            @Override
            public JobOutcome handle(JobContext context) {
              executed.incrementAndGet();
              return JobOutcome.success(null);
            }
          });
        }
      }
      this.service = new JobExecutionService(queue, injector.getInstance(MarketplaceJobRepository.class),
          injector.getInstance(JobJournal.class), new JobHandlers(noOps), injector.getInstance(UnitOfWork.class),
          JobRunSettings.DEFAULT, Clock.systemUTC(), new SplittableRandom(1));
    }
  }

  /** One measured run of one system: its rate, and the CPU it spent per job. */
  record Phase(double jobsPerSecond, CpuMeter.Reading cpu) {}

  static Phase crosslistThroughput(Engine engine, String url, int jobs, int threads, int tenants,
      int jobsPerTenant, int tenantCap, Duration finishDelay) throws Exception {
    enqueueSpread(url, jobs, tenants);
    WorkerSettings settings = WorkerSettings.defaults("bench").withConcurrency(threads, threads * 4)
        .withCaps(jobsPerTenant, tenantCap, tenantCap).withFinishDelay(finishDelay);
    int before = engine.executed.get();
    CpuMeter cpu = CpuMeter.start(url, CROSSLIST_APPLICATION);
    long began = System.nanoTime();
    try (JobWorkerPool pool = new JobWorkerPool(settings, JobWorkerPool.Ports.of(engine.service),
        new SimpleMeterRegistry()).start()) {
      // poll a counter, not the database (a count(*) every few ms would steal the CPU being measured);
      // then check once that every job also finished in the database
      while (engine.executed.get() - before < jobs) {
        Thread.sleep(5);
      }
      awaitEmpty(url, "select count(*) from crosslist.job_dispatch");
    }
    double rate = jobs / ((System.nanoTime() - began) / 1e9);
    return new Phase(rate, cpu.stop(jobs));
  }

  private static Phase dbSchedulerThroughput(String url, int jobs, int threads) throws Exception {
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
    config.addDataSourceProperty("ApplicationName", DB_SCHEDULER_APPLICATION); // for CpuMeter
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      CpuMeter cpu = CpuMeter.start(url, DB_SCHEDULER_APPLICATION);
      long began = System.nanoTime();
      Scheduler scheduler = Scheduler.create(dataSource, noop).threads(threads).pollingInterval(Duration.ofMillis(50))
          .pollUsingLockAndFetch(0.5, 1.0).registerShutdownHook().build();
      scheduler.start();
      while (executed.get() < jobs) {
        Thread.sleep(5);
      }
      awaitEmpty(url, "select count(*) from public.scheduled_tasks");
      double rate = jobs / ((System.nanoTime() - began) / 1e9);
      CpuMeter.Reading used = cpu.stop(jobs);
      scheduler.stop();
      return new Phase(rate, used);
    }
  }

  /**
   * Dispatch cycles only, nothing run, over {@code jobs} waiting jobs of {@code tenants} tenants: the
   * lease on the shared index alone ({@code withStart} false: the dispatch the target is about), or the
   * lease plus the start of each tenant's jobs in its schema (the whole claim, for comparison).
   */
  private static double dispatchCost(Engine engine, String url, int jobs, int tenants, boolean withStart)
      throws Exception {
    enqueueSpread(url, jobs, tenants);
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

  /** Writes {@code jobs} PENDING jobs spread evenly over tenants 1..{@code tenants}, in bulk, and their dispatch entries. */
  private static void enqueueSpread(String url, int jobs, int tenants) throws SQLException {
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
  private static void printServerSettings(String url) throws SQLException {
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
  private static void vacuumIfAutovacuumIsOff(String url) throws SQLException {
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

  private static void awaitEmpty(String url, String countQuery) throws Exception {
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
  private static String prepare(int tenants) throws Exception {
    String server = BenchmarkDatabase.serverUrl();
    try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("create database " + DATABASE);
        }
      }
    }
    String url = BenchmarkDatabase.jdbcUrlFor(DATABASE);
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

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
