package io.crosslist.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the tenant lookup benchmark and prints each variant's throughput and the ratios the targets
 * are stated in, all from the same run. {@code java -jar benchmarks/target/benchmarks.jar [--quick]
 * [--threads N] [--drop]}.
 */
public final class BenchmarkMain {

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    boolean drop = false;
    int threads = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--drop" -> drop = true;
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: benchmarks.jar [--quick] [--threads N] [--drop]; unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    System.out.printf("preparing %s: %d tenants x %d products (reused when present)%n", BenchmarkDatabase.DATABASE,
        BenchmarkDatabase.TENANTS, BenchmarkDatabase.PRODUCTS_PER_TENANT);
    BenchmarkDatabase.prepare();
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(TenantLookupBenchmark.class.getName())
        .threads(threads)
        .forks(1)
        .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 3 : 5))
        .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 3 : 5));
    Collection<RunResult> results = new Runner(options.build()).run();

    Map<String, double[]> score = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      score.put(name, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
    }
    System.out.println();
    System.out.printf("Product PK lookup, %d threads, pool %d, %d cores%n", threads, TenantLookupBenchmark.POOL_SIZE,
        Runtime.getRuntime().availableProcessors());
    score.forEach((name, s) -> System.out.printf("  %-30s %10.0f ops/s  (+- %.0f)%n", name, s[0], s[1]));
    double adapter = score.get("adapterRandomTenant")[0];
    ratio("adapter (1,000 tenants) / (a) same mapper, fixed schema", adapter, score.get("baselineAdapterFixedSchema")[0], 0.95);
    ratio("adapter (1,000 tenants) / (b) legacy SET search_path", adapter, score.get("baselineLegacySearchPath")[0], 1.5);
    ratio("adapter (1,000 tenants) / (c) raw JDBC, qualified", adapter, score.get("baselineRawJdbcQualified")[0], 0.85);
    System.out.println("  diagnostics (no target):");
    ratio("adapter (1,000 tenants) / adapter, one schema with the same 10,000 products", adapter,
        score.get("diagnosticAdapterFixedSchemaSameData")[0], 0);
    ratio("raw JDBC (1,000 tenants) / raw JDBC, fixed schema", score.get("baselineRawJdbcQualified")[0],
        score.get("diagnosticRawJdbcFixedSchema")[0], 0);
    if (drop) {
      BenchmarkDatabase.drop();
    }
  }

  private static void ratio(String label, double value, double baseline, double target) {
    double r = value / baseline;
    if (target <= 0) {
      System.out.printf("  %-75s %5.2fx%n", label, r);
    } else {
      System.out.printf("  %-75s %5.2fx  (target >= %.2fx: %s)%n", label, r, target, r >= target ? "met" : "NOT met");
    }
  }
}
