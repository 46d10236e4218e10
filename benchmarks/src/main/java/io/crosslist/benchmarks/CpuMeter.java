package io.crosslist.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent during one measured phase, by the PostgreSQL backends of one connection pool (found by
 * their {@code application_name} in {@code pg_stat_activity}) and by this JVM. Throughput on a shared
 * 2-core machine swings by a third from one round to the next; the CPU time each system spends per job
 * swings far less, and it says where the time goes.
 *
 * <p>The server's share is read from {@code /proc/<pid>/stat}, so it is known only when PostgreSQL runs on
 * this machine and its processes are visible; otherwise it is {@code NaN}. A backend that starts during the
 * phase counts whole (its start-up is a few milliseconds against seconds of work); one that ends during the
 * phase is missed, so the pools measured keep their connections until the phase ends.
 */
final class CpuMeter {
  /** Linux reports process times in USER_HZ ticks, 100 per second on every architecture the JDK runs on. */
  private static final long MICROS_PER_TICK = 10_000;
  private final String url;
  private final String applicationName;
  private final Map<Integer, Long> serverTicksAtStart;
  private final long jvmNanosAtStart;

  private CpuMeter(String url, String applicationName) {
    this.url = url;
    this.applicationName = applicationName;
    this.serverTicksAtStart = backendTicks();
    this.jvmNanosAtStart = jvmNanos();
  }

  /** Starts measuring the backends named {@code applicationName} on the server at {@code url}, and this JVM. */
  static CpuMeter start(String url, String applicationName) {
    return new CpuMeter(url, applicationName);
  }

  /** CPU time since {@link #start}, per job. */
  Reading stop(int jobs) {
    double jvm = (jvmNanos() - jvmNanosAtStart) / 1e3 / jobs;
    Map<Integer, Long> now = backendTicks();
    if (now == null || now.isEmpty() || serverTicksAtStart == null) {
      return new Reading(Double.NaN, jvm); // not visible, or no backend goes by that name (an ApplicationName in the URL)
    }
    long ticks = 0;
    for (Map.Entry<Integer, Long> backend : now.entrySet()) {
      ticks += backend.getValue() - serverTicksAtStart.getOrDefault(backend.getKey(), 0L);
    }
    return new Reading((double) ticks * MICROS_PER_TICK / jobs, jvm);
  }

  /**
   * CPU per job, in microseconds.
   *
   * @param serverMicros the measured pool's PostgreSQL backends ({@code NaN} when the server is not visible)
   * @param jvmMicros this whole JVM (both systems run in it, one phase at a time)
   */
  record Reading(double serverMicros, double jvmMicros) {}

  private static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** utime + stime of each backend of the pool, or null when they cannot be read here. */
  private Map<Integer, Long> backendTicks() {
    Map<Integer, Long> ticks = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement(
            "select pid from pg_stat_activity where application_name = ? and backend_type = 'client backend'")) {
      s.setString(1, applicationName);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Long t = processTicks(rs.getInt(1));
          if (t == null) {
            return null; // not this machine's process, or not visible: say so rather than guess
          }
          ticks.put(rs.getInt(1), t);
        }
      }
    } catch (SQLException e) {
      return null;
    }
    return ticks;
  }

  private static Long processTicks(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
