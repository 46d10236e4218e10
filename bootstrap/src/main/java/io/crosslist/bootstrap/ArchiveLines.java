package io.crosslist.bootstrap;

import io.crosslist.application.port.out.DatabaseUnavailableException;
import io.crosslist.domain.DomainException;
import io.crosslist.domain.tenant.TenantArchive;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What {@code crosslist tenants export} and {@code import} print: a line per table as it is copied (rows, size,
 * time), a line now and then while a large table is still being copied, and the summary; and their exit codes:
 * 0 done, 2 refused before anything was written (bad input, an archive this build cannot restore, an existing
 * target, no keyset), 3 failed while running (and rolled back: nothing was imported).
 */
final class ArchiveLines implements TenantArchive.Progress {
  private final PrintWriter out;

  ArchiveLines(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void tableDone(String table, long rows, long bytes, Duration took) {
    out.printf(Locale.ROOT, "  %s: %,d rows, %s, %.1f s%n", table, rows, size(bytes), took.toNanos() / 1e9);
    out.flush();
  }

  @Override
  public void stillCopying(String table, long bytesSoFar) {
    out.printf(Locale.ROOT, "  %s: %s so far...%n", table, size(bytesSoFar));
    out.flush();
  }

  /** {@code crosslist V10, acme V2}. */
  static String versions(Map<String, Integer> versions) {
    return versions.isEmpty() ? "no tracks" : versions.entrySet().stream().map(e -> e.getKey() + " V" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** From the archive's versions to this build's, per track: {@code crosslist V8 -> V10, acme V2}. */
  static String versions(Map<String, Integer> from, Map<String, Integer> to) {
    return to.entrySet().stream().map(e -> {
      int before = from.getOrDefault(e.getKey(), 0);
      return e.getKey() + (before == e.getValue() ? " V" + before : " V" + before + " -> V" + e.getValue());
    }).collect(Collectors.joining(", "));
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
  }

  /** Runs {@code work}; a refusal is one line and exit 2, a failure one line and exit 3, never a stack trace. */
  static int exitCode(PrintWriter err, Supplier<Integer> work) {
    try {
      return work.get();
    } catch (DomainException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (DatabaseUnavailableException e) {
      err.println("error: the database is unavailable (" + e.getMessage() + "); nothing was imported or written");
      return 3;
    } catch (RuntimeException e) {
      err.println("error: " + (e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException
          ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage()));
      return 3;
    }
  }
}
