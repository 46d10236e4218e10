package io.crosslist.bootstrap;

import io.crosslist.adapter.marketplace.SimulationSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How the simulated marketplaces of {@code worker} and {@code serve} behave (a picocli mixin): the latency of every
 * call and the share of calls that fail, as {@link SimulationSettings}.
 */
final class SimulationOptions {

  @Option(names = "--simulated-latency", paramLabel = "DURATION", defaultValue = "0ms", description = "time every"
      + " call to a simulated marketplace takes, 0 to 10s, as 50ms, 2s or ISO-8601 (demos, fault tests; default: 0ms)")
  String simulatedLatency;

  @Option(names = "--simulated-failure-rate", paramLabel = "RATE", defaultValue = "0", description = "share of calls"
      + " to a simulated marketplace that fail with a retryable error (a simulated 503), 0 to 1 (default: 0)")
  String simulatedFailureRate;

  /**
   * How the simulated marketplaces behave, from {@code --simulated-latency} and {@code --simulated-failure-rate}.
   *
   * @throws IllegalArgumentException naming each wrong option, where its value can come from, and the rule
   */
  SimulationSettings simulationSettings() {
    List<String> problems = new ArrayList<>();
    Duration latency = null;
    try {
      latency = DurationText.parse("--simulated-latency", simulatedLatency);
      if (latency.isNegative() || latency.compareTo(Duration.ofSeconds(10)) > 0) {
        problems.add(ConfigDefaults.describe("--simulated-latency") + ": must be between 0 and 10s, got "
            + simulatedLatency);
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    double rate = Double.NaN;
    try {
      rate = Double.parseDouble(simulatedFailureRate.strip());
    } catch (NumberFormatException e) {
      // reported below
    }
    if (!(rate >= 0 && rate <= 1)) {
      problems.add(ConfigDefaults.describe("--simulated-failure-rate") + ": must be a number between 0 and 1, got '"
          + simulatedFailureRate + "'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return SimulationSettings.INSTANT.withLatency(latency).withFailureRate(rate);
  }
}
