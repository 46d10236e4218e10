package io.crosslist.adapter.marketplace;

import io.crosslist.domain.Violations;
import java.time.Duration;

/**
 * How a simulated marketplace behaves.
 *
 * @param latency time every call takes, 0 to 10 s
 * @param failureRate share of calls that fail with a retryable error (a simulated 503), 0 to 1
 * @param catalogueSize items in every account's catalogue (for imports), 0 to 100,000
 * @param seed makes failures and generated data repeatable
 */
public record SimulationSettings(Duration latency, double failureRate, int catalogueSize, long seed) {
  public static final SimulationSettings INSTANT = new SimulationSettings(Duration.ZERO, 0, 120, 1);

  public SimulationSettings {
    new Violations()
        .require(latency != null && !latency.isNegative() && latency.compareTo(Duration.ofSeconds(10)) <= 0,
            "latency", "must be between 0 and 10s")
        .require(failureRate >= 0 && failureRate <= 1, "failureRate", "must be between 0 and 1")
        .require(catalogueSize >= 0 && catalogueSize <= 100_000, "catalogueSize", "must be between 0 and 100000")
        .throwIfAny();
  }

  public SimulationSettings withFailureRate(double rate) {
    return new SimulationSettings(latency, rate, catalogueSize, seed);
  }

  public SimulationSettings withLatency(Duration newLatency) {
    return new SimulationSettings(newLatency, failureRate, catalogueSize, seed);
  }

  public SimulationSettings withCatalogueSize(int size) {
    return new SimulationSettings(latency, failureRate, size, seed);
  }
}
