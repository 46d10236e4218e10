package io.crosslist.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    String url = JobsBenchData.prepare(throughputOnly ? spread : MANY_TENANTS);
    JobsBenchData.printServerSettings(url);
    JobsBenchData.vacuumIfAutovacuumIsOff(url);
    if (!jdbcParams.isEmpty()) { // PgJDBC settings for both systems, e.g. prepareThreshold=1
      url = url + (url.contains("?") ? "&" : "?") + jdbcParams;
      System.out.println("JDBC URL parameters for both systems: " + jdbcParams);
    }
    try (PersistenceModule module = new PersistenceModule(PersistenceSettings.forJdbcUrl(url)
        .withMaximumPoolSize(threads + 4).withConnectionsPerTenant(perTenant))) {
      Injector injector = Guice.createInjector(module);
      NoOpEngine engine = new NoOpEngine(injector);
      List<Double> crosslist = new ArrayList<>();
      List<Double> dbScheduler = new ArrayList<>();
      // one unmeasured round each first, so that neither system pays for the JVM's just-in-time compilation
      // (db-scheduler used to run second in a JVM that Crosslist's round had warmed up for PgJDBC and HikariCP)
      int warmUpJobs = Math.max(1_000, jobs / 4);
      System.out.printf(Locale.ROOT, "warm-up (not measured): crosslist %,.0f jobs/s, db-scheduler %,.0f jobs/s%n",
          CrosslistRound.throughput(engine, url, warmUpJobs, threads, spread, jobsPerTenant, tenantCap, finishDelay)
              .jobsPerSecond(),
          DbSchedulerRound.throughput(url, warmUpJobs, threads).jobsPerSecond());
      List<Double> crosslistServer = new ArrayList<>();
      List<Double> dbSchedulerServer = new ArrayList<>();
      List<Double> crosslistJvm = new ArrayList<>();
      List<Double> dbSchedulerJvm = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        MeasuredRun ours = CrosslistRound.throughput(engine, url, jobs, threads, spread, jobsPerTenant, tenantCap, finishDelay);
        MeasuredRun theirs = DbSchedulerRound.throughput(url, jobs, threads);
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
          few.add(CrosslistRound.dispatchCost(engine, url, dispatchJobs, FEW_TENANTS, false));
          many.add(CrosslistRound.dispatchCost(engine, url, dispatchJobs, MANY_TENANTS, false));
          fewWithStart.add(CrosslistRound.dispatchCost(engine, url, dispatchJobs, FEW_TENANTS, true));
          manyWithStart.add(CrosslistRound.dispatchCost(engine, url, dispatchJobs, MANY_TENANTS, true));
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

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
