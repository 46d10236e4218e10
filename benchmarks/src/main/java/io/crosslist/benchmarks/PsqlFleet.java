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
import java.util.function.Function;

/**
 * The plain-psql baseline: one {@code psql} process per worker, fed through its standard input the text
 * Crosslist sends for each new tenant, wrapped in {@code begin}/{@code commit}. psql sends the statements one
 * by one, as an operator's script would.
 */
final class PsqlFleet {
  private PsqlFleet() {}

  /** Creates the shared schema with psql, from Crosslist's shared scripts. */
  static void createShared(ScratchDatabase database) throws Exception {
    try (Worker psql = new Worker(database, -1, t -> "")) {
      psql.send("begin;\n" + TenantDdl.sharedSchema() + "commit;\n", "shared");
    }
  }

  /** Provisions {@code tenants} with {@code parallel} psql processes; the clock starts once they are connected. */
  static FleetTimeline provision(ScratchDatabase database, List<TenantId> tenants, int parallel,
      List<MigrationTrack> tracks) throws Exception {
    return run("psql provisioning", database, tenants, parallel, t -> TenantDdl.newTenant(tracks, t));
  }

  /**
   * A diagnostic, no target: the same additive migration sent by psql, each tenant in its own transaction, as
   * Crosslist sends it (scripts, records, track version), without Crosslist's lock timeout, advisory lock and
   * read of the applied versions. The floor of that work at that concurrency on this server.
   */
  static FleetTimeline migrate(ScratchDatabase database, List<TenantId> tenants, int parallel, MigrationTrack track)
      throws Exception {
    return run("psql migration", database, tenants, parallel, t -> TenantDdl.migration(track, t));
  }

  private static FleetTimeline run(String label, ScratchDatabase database, List<TenantId> tenants, int parallel,
      Function<TenantId, String> ddl) throws Exception {
    return FleetTimeline.run(label, tenants, parallel, index -> {
      Worker psql = new Worker(database, index, ddl);
      psql.send("", "connected"); // wait until it has connected, outside the clock
      return psql;
    });
  }

  /** One psql process: {@link #send} writes a script and waits for psql to echo a marker after it. */
  private static final class Worker implements FleetTimeline.Worker {
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final File errors;
    private final Function<TenantId, String> ddl;

    Worker(ScratchDatabase database, int index, Function<TenantId, String> ddl) throws IOException {
      this.ddl = ddl;
      errors = File.createTempFile("psql-" + index + "-", ".err");
      errors.deleteOnExit();
      // the server's notices (e.g. "constraint ... does not exist, skipping") still travel, as they do to
      // Crosslist's connections; they go to a file, read only when psql stops on an error
      process = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database.libpqUri())
          .redirectError(errors).start();
      in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
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
    public void run(TenantId tenant) throws IOException {
      send("begin;\n" + ddl.apply(tenant) + "commit;\n", String.valueOf(tenant.value()));
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
