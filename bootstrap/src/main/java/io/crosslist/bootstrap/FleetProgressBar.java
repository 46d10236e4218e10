package io.crosslist.bootstrap;

import io.crosslist.application.schedule.RunSummary;
import io.crosslist.application.schedule.SweepProgress;
import io.crosslist.application.schedule.TenantFailure;
import io.crosslist.domain.tenant.TenantId;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a fleet operation on the command line. On a terminal: a bar redrawn in place at most five
 * times a second, with done/total, rate, ETA and failures. Otherwise (a log, a pipe): nothing until the
 * summary line, so a log is not flooded. Failures are printed as they happen either way.
 */
final class FleetProgressBar implements SweepProgress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private final PrintWriter out;
  private final String what;
  private final int total;
  private final boolean terminal;
  private final long began = System.nanoTime();
  private int done;
  private int failed;
  private long drawnAt;

  FleetProgressBar(PrintWriter out, String what, int total, boolean terminal) {
    this.out = out;
    this.what = what;
    this.total = total;
    this.terminal = terminal;
  }

  /** Whether this process writes to a terminal, where a bar redrawn in place makes sense. */
  static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public synchronized void done(TenantId tenant, TenantFailure failure) {
    done++;
    if (failure != null) {
      failed++;
      if (terminal) {
        out.print("\r\u001b[2K");
      }
      out.println("  failed: tenant " + failure);
    }
    long now = System.nanoTime();
    if (terminal && (now - drawnAt >= REDRAW_NANOS || done == total)) {
      drawnAt = now;
      out.print("\r" + bar(now));
      out.flush();
    }
  }

  String bar(long now) {
    double seconds = Math.max(1e-3, (now - began) / 1e9);
    double rate = done / seconds;
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) width * done / total);
    String eta = rate > 0 ? String.format(Locale.ROOT, "%.0fs", (total - done) / rate) : "?";
    return String.format(Locale.ROOT, "%s [%s%s] %,d/%,d  %.0f/s  ETA %s  failed %d", what, "#".repeat(filled),
        " ".repeat(width - filled), done, total, rate, eta, failed);
  }

  /** The closing line: what was done, how fast, and what failed (the first failures with their causes). */
  void summary(RunSummary summary, String verb) {
    if (terminal) {
      out.println();
    }
    double seconds = Math.max(1e-3, summary.duration().toNanos() / 1e9);
    out.printf(Locale.ROOT, "%s: %,d tenant(s) %s, %,d already current, %,d failed, in %.1f s (%.1f tenants/s)%n",
        what, summary.itemsChanged(), verb, summary.processed() - summary.itemsChanged(), summary.failed(), seconds,
        (summary.processed() + summary.failed()) / seconds);
    if (summary.failed() > 0) {
      out.println("failed tenants (first " + summary.failures().size() + "; run the command again to retry them):");
      summary.failures().forEach(f -> out.println("  " + f));
    }
    out.flush();
  }
}
