package io.crosslist.benchmarks;

import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.domain.tenant.TenantId;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The plain-psql baseline: one {@code psql} process per worker, fed through its standard input the text
 * Crosslist sends for each new tenant, wrapped in {@code begin}/{@code commit}. psql sends the statements one
 * by one, as an operator's script would.
 */
final class PsqlFleet implements AutoCloseable {
  private final FleetWorkers<Psql> workers;

  /** Creates the shared schema with psql, from Crosslist's shared scripts, then starts {@code parallel} psql. */
  static PsqlFleet create(ScratchDatabase database, int parallel) throws Exception {
    try (Psql psql = new Psql(database, -1)) {
      psql.send("begin;\n" + TenantDdl.sharedSchema() + "commit;\n", "shared");
    }
    return new PsqlFleet(database, parallel);
  }

  /** Starts {@code parallel} psql on {@code database}, whose shared schema exists: new sessions, as a new run's. */
  PsqlFleet(ScratchDatabase database, int parallel) throws Exception {
    workers = new FleetWorkers<>(parallel, index -> {
      Psql psql = new Psql(database, index);
      psql.send("", "connected"); // connected before any clock runs
      return psql;
    });
  }

  /** Creates {@code tenants} with Crosslist's text for a new tenant. */
  void provision(List<TenantId> tenants, List<MigrationTrack> tracks, FleetTimeline timeline) throws Exception {
    workers.run(tenants, timeline, (psql, tenant) -> psql.transaction(TenantDdl.newTenant(tracks, tenant), tenant));
  }

  /**
   * A diagnostic, no target: the same additive migration, each tenant in its own transaction, sent as Crosslist
   * sends it (scripts, records, track version) but without Crosslist's lock timeout, advisory lock and read of
   * the applied versions: the floor of that work at that concurrency on this server.
   */
  void migrate(List<TenantId> tenants, MigrationTrack track, FleetTimeline timeline) throws Exception {
    workers.run(tenants, timeline, (psql, tenant) -> psql.transaction(TenantDdl.migration(track, tenant), tenant));
  }

  @Override
  public void close() throws Exception {
    workers.close();
  }

  /** One psql process: {@link #send} writes a script and waits for psql to echo a marker after it. */
  private static final class Psql implements AutoCloseable {
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final File errors;

    Psql(ScratchDatabase database, int index) throws IOException {
      errors = File.createTempFile("psql-" + index + "-", ".err");
      errors.deleteOnExit();
      // the server's notices (e.g. "constraint ... does not exist, skipping") still travel, as they do to
      // Crosslist's connections; they go to a file, read only when psql stops on an error
      process = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database.libpqUri())
          .redirectError(errors).start();
      in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    void transaction(String sql, TenantId tenant) throws IOException {
      send("begin;\n" + sql + "commit;\n", String.valueOf(tenant.value()));
    }

    void send(String script, String marker) throws IOException {
      in.write(script);
      in.write("\\echo done " + marker + "\n");
      in.flush();
      String line = out.readLine();
      if (line == null || !line.equals("done " + marker)) {
        throw new IllegalStateException("psql stopped at " + marker + " (output " + line + "): "
            + Files.readString(errors.toPath()).strip());
      }
    }

    @Override
    public void close() throws Exception {
      in.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
