package io.crosslist.bootstrap;

import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.domain.ValidationException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The job worker's options of {@code worker} and {@code serve} (a picocli mixin): its id, how many handlers run at
 * once, and the lease, heartbeat, rescue and shutdown timings, as {@link WorkerSettings}.
 */
final class WorkerOptions {
  /** Any id: the options' defaults are those of {@link WorkerSettings#defaults}, whoever the worker is. */
  private static final String DEFAULTS_ID = "defaults";

  @Option(names = "--worker-id", description = "name in job leases (default: <host pid>@<host>)")
  String workerId;

  @Option(names = "--concurrency", defaultValue = "16", description = "handlers running at once (default: 16)")
  int concurrency;

  @Option(names = "--lease", paramLabel = "DURATION", description = "how long a claimed job stays held without a"
      + " heartbeat, ISO-8601, 1 s to 1 h; a dead worker's running jobs run again this long after its last heartbeat"
      + " (default: PT60S)")
  Duration lease = WorkerSettings.defaults(DEFAULTS_ID).lease();

  @Option(names = "--heartbeat", paramLabel = "DURATION", description = "how often a worker renews the leases of its"
      + " jobs, ISO-8601, at most a third of --lease (default: PT15S)")
  Duration heartbeat = WorkerSettings.defaults(DEFAULTS_ID).heartbeat();

  @Option(names = "--rescue-interval", paramLabel = "DURATION", description = "how often a worker rescues the jobs of"
      + " dead workers, removes the leases they left on ended jobs, expires overdue jobs and reads the queue depth,"
      + " ISO-8601 (default: PT5S)")
  Duration rescueInterval = WorkerSettings.defaults(DEFAULTS_ID).maintenance();

  @Option(names = "--shutdown-timeout", paramLabel = "DURATION", description = "how long a stop waits for running"
      + " handlers before it gives their jobs back (not losing an attempt), ISO-8601 (default: PT30S)")
  Duration shutdownTimeout = WorkerSettings.defaults(DEFAULTS_ID).shutdownTimeout();

  /** {@code --worker-id}, or {@code <pid>@<host>}. */
  String id() {
    return workerId != null ? workerId : ManagementFactory.getRuntimeMXBean().getName();
  }

  /**
   * The worker's settings from the options.
   *
   * @throws IllegalArgumentException naming each wrong option, where its value can come from, and the rule (one
   *     line on stderr, exit code 2)
   */
  WorkerSettings workerSettings(String id) {
    WorkerSettings d = WorkerSettings.defaults(DEFAULTS_ID);
    try {
      // one constructor call, so that every wrong option is named at once; claims as large as the concurrency
      return new WorkerSettings(id, concurrency, concurrency, Math.max(1, Math.min(d.perTenant(), concurrency)),
          d.tenantCap(), d.marketplaceCap(), lease, heartbeat, d.pollMin(), d.pollMax(), rescueInterval,
          shutdownTimeout, d.finishDelay());
    } catch (ValidationException e) {
      Map<String, String> options = Map.of("workerId", "--worker-id", "concurrency", "--concurrency", "lease",
          "--lease", "heartbeat", "--heartbeat", "maintenance", "--rescue-interval", "shutdownTimeout",
          "--shutdown-timeout");
      String message = e.violations().stream()
          .filter(v -> options.containsKey(v.field())) // the others follow from --concurrency, named already
          .map(v -> ConfigDefaults.describe(options.get(v.field())) + ": "
              + v.rule().replace("a third of lease", "a third of --lease"))
          .collect(Collectors.joining("; "));
      throw new IllegalArgumentException(message);
    }
  }
}
