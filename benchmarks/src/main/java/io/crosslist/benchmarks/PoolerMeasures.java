package io.crosslist.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link PoolerBenchmark}'s measures of each system (direct, pooler) over the rounds, and the ratios of the medians. */
final class PoolerMeasures {
  private final Map<String, List<double[]>> bySystem = new LinkedHashMap<>();

  void add(String system, double raw, double lookups, double requests, double jobs) {
    bySystem.computeIfAbsent(system, s -> new ArrayList<>()).add(new double[] {raw, lookups, requests, jobs});
  }

  void print() {
    String[] names = {"lookup, plain JDBC (context)", "product lookup (adapter)", "HTTP GET /products/{id}",
        "jobs throughput"};
    String[] units = {"lookups/s", "lookups/s", "req/s", "jobs/s"};
    System.out.println("median of the rounds, pooler / direct:");
    for (int m = 0; m < names.length; m++) {
      double direct = median(bySystem.get("direct"), m);
      double pooler = median(bySystem.get("pooler"), m);
      System.out.printf(Locale.ROOT, "  %-29s direct %,9.0f %-9s pooler %,9.0f %-9s ratio %.2f%n", names[m], direct,
          units[m], pooler, units[m], pooler / direct);
    }
  }

  private static double median(List<double[]> rounds, int measure) {
    double[] values = rounds.stream().mapToDouble(r -> r[measure]).sorted().toArray();
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }
}
