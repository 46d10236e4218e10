package io.crosslist.application.schedule;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Recurring work over tenants (cleanup, refresh-ahead, polling, a host's own sweep). {@link RecurringTaskService}
 * runs a task's ticks once across the cluster, and runs it now when asked; the task only says what one run does.
 * A host does not implement this: it registers a {@link TenantTask}.
 */
public interface RecurringTask {

  /** The rule of a task's name, built-in or a host's: it is a CLI argument, a URL segment and a metric tag. */
  String NAME_RULE = "must be 1 to 64 characters: lowercase letters, digits and single hyphens, starting with a"
      + " letter and not ending with a hyphen";

  /** A stable name: the key of its ticks in the shared ledger and of its configuration and metrics. */
  String name();

  /** How often it runs unless the schedule says otherwise. */
  Duration defaultInterval();

  /**
   * One run over the tenants concerned, or over those of {@code scope} among them (the others count as skipped);
   * one tenant's failure is counted in the summary, not thrown.
   */
  RunSummary run(TenantScope scope);

  /** One run over every tenant concerned. */
  default RunSummary run() {
    return run(TenantScope.ALL);
  }

  /** Whether {@code name} follows {@link #NAME_RULE}. */
  static boolean isValidName(String name) {
    return name != null && name.length() <= 64 && Names.PATTERN.matcher(name).matches();
  }

  /** Holds the compiled rule (an interface's fields are public). */
  final class Names {
    private static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private Names() {}
  }
}
