package io.crosslist.benchmarks;

import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tenant fleet's benchmark (issue #17), a harness: each system works in a fresh database of its own on the
 * same server, in one run, and the figures are printed with the ratios the targets are stated in. The systems
 * take turns a tenth of the fleet at a time (the order rotating), so that they meet the same catalog sizes and
 * share the same stretches of this shared machine's load; each system's clock runs only during its turns.
 *
 * <ol>
 *   <li><b>Provisioning</b> of {@code --tenants} tenants, {@code --parallel} at a time: Crosslist
 *       ({@code ProvisionTenantsUseCase}), plain psql sending the same DDL ({@link PsqlFleet}) and Flyway run per
 *       schema ({@link FlywayFleet}); tenants/s, and the time per tenant by tenth of the fleet.
 *   <li><b>The no-op check:</b> the plan of a fleet migration when nothing is pending.
 *   <li><b>One additive migration</b> over the fleet (a nullable column and an index): Crosslist's
 *       {@code MigrateTenantsUseCase} with a host track, against Flyway's V11 per schema; and, as a diagnostic,
 *       psql sending the same text per tenant. Each system migrates on server sessions opened for the migration
 *       (new psql processes, a new Flyway pool, a new Crosslist module), as a deployment's migration run does.
 *   <li><b>Requests to an unaffected tenant</b> while Crosslist's migration runs: one product read in a loop (it
 *       runs through every system's turn, so that all work beside the same load).
 * </ol>
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.crosslist.benchmarks.TenantFleetBenchmark [--tenants N]
 * [--parallel N] [--keep]}; {@code --keep} leaves the three databases for a look afterwards.
 */
public final class TenantFleetBenchmark {
  private static final String PREFIX = "crosslist_fleet_bench_";
  /** Pause between two requests of the unaffected tenant: a steady trickle, not a load test. */
  private static final int PROBE_PAUSE_MILLIS = 10;

  private TenantFleetBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = 1_000;
    int parallel = 4;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        // at least one tenant per tenth: the systems take turns a tenth of the fleet at a time
        case "--tenants" -> count = number(args, ++i, "--tenants", 10, 1_000_000);
        case "--parallel" -> parallel = number(args, ++i, "--parallel", 1, 64);
        case "--keep" -> keep = true;
        default -> usage("unknown argument " + args[i]);
      }
    }
    System.out.printf("machine: %d cores, Java %s; server %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"), BenchmarkDatabase.serverUrl());
    System.out.println("server: " + ScratchDatabase.serverSettings());
    System.out.printf(Locale.ROOT, "fleet: %,d tenants, %d at a time%n", count, parallel);
    List<TenantId> tenants = new ArrayList<>();
    for (int t = 1; t <= count; t++) {
      tenants.add(TenantId.of(t));
    }
    new TenantFleetBenchmark().run(tenants, parallel, keep);
  }

  /** One system's share of a fleet operation, for the tenants of one turn. */
  @FunctionalInterface
  private interface Turn {
    void run(List<TenantId> tenants) throws Exception;
  }

  private void run(List<TenantId> tenants, int parallel, boolean keep) throws Exception {
    int n = tenants.size();
    MigrationTrack bench = TenantDdl.benchTrack();
    TenantId unaffected = TenantId.of(n + 1L);
    FleetTimeline crosslist = new FleetTimeline("crosslist", n);
    FleetTimeline psql = new FleetTimeline("psql", n);
    FleetTimeline flyway = new FleetTimeline("flyway", n);
    FleetTimeline crosslistMigration = new FleetTimeline("crosslist", n);
    FleetTimeline psqlMigration = new FleetTimeline("psql (diagnostic)", n);
    FleetTimeline flywayMigration = new FleetTimeline("flyway", n);
    double[] noOp;
    double[] noOpAfter;
    double planMillis;
    LatencyProbe probe;
    try (ScratchDatabase psqlDb = ScratchDatabase.create(PREFIX + "psql", keep);
        ScratchDatabase crosslistDb = ScratchDatabase.create(PREFIX + "crosslist", keep);
        ScratchDatabase flywayDb = ScratchDatabase.create(PREFIX + "flyway", keep)) {
      // Crosslist's own track, as the Crosslist side applies it: psql and Flyway send the same scripts
      List<MigrationTrack> tracks = CrosslistFleet.settings(crosslistDb, parallel, List.of()).tenantTracks();
      System.out.println("provisioning: a tenth of the fleet at a time, the systems taking turns");
      try (PsqlFleet psqlFleet = PsqlFleet.create(psqlDb, parallel);
          FlywayFleet flywayFleet = new FlywayFleet(flywayDb, parallel, tracks.get(0), bench);
          CrosslistFleet fleet = CrosslistFleet.open(crosslistDb, parallel, List.of())) {
        inTurns(tenants, List.of(t -> psqlFleet.provision(t, tracks, psql), t -> fleet.provision(t, crosslist),
            t -> flywayFleet.provision(t, flyway)), crosslist, psql, flyway);
        String registry = "crosslist.tenants, crosslist.tenant_tracks, crosslist.tenant_migrations";
        crosslistDb.analyzeIfAutovacuumIsOff(registry);
        psqlDb.analyzeIfAutovacuumIsOff(registry);
        flywayDb.analyzeIfAutovacuumIsOff();
        noOp = fleet.noOpPlanMillis(6);
      }
      System.out.println("migration: a tenth at a time, the systems taking turns, beside requests to an"
          + " unaffected tenant");
      // every system migrates on sessions opened for the migration, as a deployment's migration run does (Crosslist
      // must open anew to know the bench track): none starts with server sessions warmed by the provisioning
      try (PsqlFleet psqlFleet = new PsqlFleet(psqlDb, parallel);
          FlywayFleet flywayFleet = new FlywayFleet(flywayDb, parallel, tracks.get(0), bench);
          CrosslistFleet fleet = CrosslistFleet.open(crosslistDb, parallel, List.of(bench))) {
        // created with every track, the bench track included: nothing to migrate, only requests to serve
        ProductId product = fleet.provisionWithProduct(unaffected);
        long began = System.nanoTime();
        int behind = fleet.behind();
        planMillis = (System.nanoTime() - began) / 1e6;
        if (behind != n) {
          throw new IllegalStateException("the plan names " + behind + " tenants behind; expected " + n);
        }
        LatencyProbe live = new LatencyProbe(fleet.readProduct(unaffected, product), PROBE_PAUSE_MILLIS);
        probe = live;
        live.start();
        try {
          inTurns(tenants, List.of(t -> psqlFleet.migrate(t, bench, psqlMigration), t -> {
            live.recording(true);
            try {
              fleet.migrate(t, crosslistMigration);
            } finally {
              live.recording(false);
            }
          }, t -> flywayFleet.migrate(t, flywayMigration)), crosslistMigration, psqlMigration, flywayMigration);
        } finally {
          live.stop();
        }
        noOpAfter = fleet.noOpPlanMillis(3);
      }
      String first = tenants.get(0).schemaName();
      System.out.printf("%nsame tenant built: %s holds %d relations with crosslist, %d with psql, %d with flyway"
              + " (after the migration: 1 index more than the 42 of a new tenant; flyway: its history table and its"
              + " 2 indexes too)%n", first, crosslistDb.relationsOf(first), psqlDb.relationsOf(first),
          flywayDb.relationsOf(first));
    }
    System.out.printf(Locale.ROOT, "%nPROVISIONING (%,d tenants, %d at a time)%n", n, parallel);
    for (FleetTimeline t : List.of(crosslist, psql, flyway)) {
      double[] tenths = t.millisPerTenantByTenth();
      System.out.printf(Locale.ROOT, "  %-10s %6.1f tenants/s (%.0f s); ms per tenant by tenth: %s (first %.1f,"
          + " last %.1f)%n", t.label(), t.perSecond(), t.seconds(), Arrays.stream(tenths)
          .mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(" ")), tenths[0], tenths[9]);
    }
    ratio("crosslist / psql (tenants/s)", crosslist.perSecond() / psql.perSecond(), 0.9);
    ratio("crosslist / flyway (tenants/s)", crosslist.perSecond() / flyway.perSecond(), 1.5);

    double[] warm = Arrays.copyOfRange(noOp, 1, noOp.length);
    Arrays.sort(warm);
    System.out.printf(Locale.ROOT, "%nNO-OP CHECK (plan of a fleet migration, nothing pending, %,d tenants): first %.1f"
            + " ms, then median %.1f ms; with the bench track after the migration: %.1f ms (target well under"
            + " 1,000 ms at 10,000 tenants)%n", n, noOp[0], warm[warm.length / 2], noOpAfter[noOpAfter.length - 1]);

    double crosslistSeconds = crosslistMigration.seconds() + planMillis / 1e3;
    System.out.printf(Locale.ROOT, "%nMIGRATION (a nullable column and an index on products, %,d tenants, %d at a"
        + " time)%n", n, parallel);
    System.out.printf(Locale.ROOT, "  %-18s %7.1f s (listing the %,d tenants behind %.0f ms, then %.1f tenants/s)%n",
        "crosslist", crosslistSeconds, n, planMillis, crosslistMigration.perSecond());
    for (FleetTimeline t : List.of(flywayMigration, psqlMigration)) {
      System.out.printf(Locale.ROOT, "  %-18s %7.1f s (%.1f tenants/s)%n", t.label(), t.seconds(), t.perSecond());
    }
    for (FleetTimeline t : List.of(crosslistMigration, psqlMigration, flywayMigration)) {
      System.out.printf(Locale.ROOT, "  %-18s ms per tenant by tenth (diagnostic): %s%n", t.label(), Arrays.stream(
          t.millisPerTenantByTenth()).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
          .collect(Collectors.joining(" ")));
    }
    ratio("flyway time / crosslist time", flywayMigration.seconds() / crosslistSeconds, 5);
    System.out.printf(Locale.ROOT, "  %-40s %5.2f  (diagnostic, no target)%n", "crosslist time / psql time",
        crosslistSeconds / psqlMigration.seconds());
    System.out.printf(Locale.ROOT, "  crosslist over %,d tenants: %.1f s (target < 120 s at 10,000 tenants%s)%n", n,
        crosslistSeconds, n == 10_000 ? ": " + (crosslistSeconds < 120 ? "met" : "NOT met")
            : "; this run has " + String.format(Locale.ROOT, "%,d", n));

    System.out.printf(Locale.ROOT, "%nREQUESTS TO AN UNAFFECTED TENANT during crosslist's migration (one product"
        + " read, %d ms apart, through every system's turn; counted in crosslist's): %s (target: none over 1,000 ms: %s)%n", PROBE_PAUSE_MILLIS, probe.summary(),
        probe.percentileMillis(100) <= 1_000 ? "met" : "NOT met");
  }

  /**
   * Each tenth of the fleet goes to every system in turn, the order rotating from tenth to tenth, so that the
   * systems meet the same catalog sizes and share the same stretches of this shared machine's load.
   */
  private static void inTurns(List<TenantId> tenants, List<Turn> turns, FleetTimeline... timelines)
      throws Exception {
    int n = tenants.size();
    for (int k = 0; k < 10; k++) {
      List<TenantId> tenth = tenants.subList(n * k / 10, n * (k + 1) / 10);
      for (int i = 0; i < turns.size(); i++) {
        turns.get((i + k) % turns.size()).run(tenth);
      }
      System.out.println("    " + Arrays.stream(timelines).map(FleetTimeline::progress)
          .collect(Collectors.joining("; ")));
    }
  }

  private static void ratio(String label, double value, double target) {
    System.out.printf(Locale.ROOT, "  %-40s %5.2f  (target >= %.2f: %s)%n", label, value, target,
        value >= target ? "met" : "NOT met");
  }

  private static int number(String[] args, int i, String option, int min, int max) {
    try {
      int value = Integer.parseInt(args[i]);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      // reported below
    }
    usage(option + " takes a whole number from " + min + " to " + max);
    return 0;
  }

  private static void usage(String problem) {
    System.err.println("usage: TenantFleetBenchmark [--tenants N] [--parallel N] [--keep]; " + problem);
    System.exit(2);
  }
}
