package io.crosslist.benchmarks;

import io.crosslist.adapter.persistence.MigrationScript;
import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.domain.tenant.TenantId;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The DDL the three systems send, taken from Crosslist's own scripts so that all of them build the same tenant:
 * the text Crosslist sends for a new tenant (for psql), the shared schema's scripts, and copies of the tenant
 * scripts for Flyway.
 */
final class TenantDdl {
  private static final Pattern SHARED_SCRIPT = Pattern.compile("db/shared/V[0-9]+__[A-Za-z0-9_]+\\.sql");

  private TenantDdl() {}

  /** The additive migration of the benchmark: a nullable column and an index on a tenant table. */
  static MigrationTrack benchTrack() {
    return MigrationTrack.of("bench", MigrationScript.of(1, "bench_note", """
        alter table ${tenant}.products add column bench_note text;
        create index products_bench_note on ${tenant}.products (bench_note)"""));
  }

  /**
   * The text Crosslist sends to create a tenant (as TenantMigrations builds it): its registry row, its schema,
   * every track's rendered scripts in order, then the record of each script and each track's version.
   */
  static String newTenant(List<MigrationTrack> tracks, TenantId tenant) {
    StringBuilder sql = new StringBuilder();
    sql.append("insert into crosslist.tenants (id, schema_name, status) values (").append(tenant.value())
        .append(", '").append(tenant.schemaName()).append("', 'ACTIVE');\n");
    sql.append(TenantSqlRenderer.render("create schema ${tenant}", tenant)).append(";\n");
    for (MigrationTrack track : tracks) {
      for (MigrationScript script : track.scripts()) {
        sql.append(TenantSqlRenderer.render(script.sql(), tenant)).append(";\n");
      }
    }
    for (MigrationTrack track : tracks) {
      for (MigrationScript script : track.scripts()) {
        sql.append(record(tenant, track, script));
      }
      sql.append(trackVersion(tenant, track));
    }
    return sql.toString();
  }

  /**
   * The text Crosslist sends (inside its transaction) to bring an existing tenant from nothing of {@code track} to
   * its latest version: each rendered script and its record, then the track's version.
   */
  static String migration(MigrationTrack track, TenantId tenant) {
    StringBuilder sql = new StringBuilder();
    for (MigrationScript script : track.scripts()) {
      sql.append(TenantSqlRenderer.render(script.sql(), tenant)).append(";\n").append(record(tenant, track, script));
    }
    return sql.append(trackVersion(tenant, track)).toString();
  }

  private static String record(TenantId tenant, MigrationTrack track, MigrationScript script) {
    return "insert into crosslist.tenant_migrations (tenant_id, track, version, description, checksum) values ("
        + tenant.value() + ", '" + track.name() + "', " + script.version() + ", '"
        + script.description().replace("'", "''") + "', '" + script.checksum() + "');\n";
  }

  private static String trackVersion(TenantId tenant, MigrationTrack track) {
    return "insert into crosslist.tenant_tracks (tenant_id, track, version) values (" + tenant.value() + ", '"
        + track.name() + "', " + track.latest() + ") on conflict (tenant_id, track) do update set version ="
        + " excluded.version, updated_at = now();\n";
  }

  /** The shared schema as Crosslist creates it: its scripts from the class path, in version order. */
  static String sharedSchema() throws IOException, URISyntaxException {
    List<MigrationScript> scripts = new ArrayList<>();
    for (String resource : sharedResources()) {
      scripts.add(MigrationScript.fromResource(resource));
    }
    scripts.sort(Comparator.comparingInt(MigrationScript::version));
    StringBuilder sql = new StringBuilder("create schema crosslist;\n");
    scripts.forEach(s -> sql.append(s.sql()).append(";\n"));
    return sql.toString();
  }

  /**
   * Writes {@code track}'s scripts as Flyway migrations into {@code directory}, versions shifted by {@code
   * offset}; {@code ${tenant}} is left for Flyway's placeholder of the same name. Returns the directory.
   */
  static Path flywayCopy(MigrationTrack track, Path directory, int offset) throws IOException {
    Files.createDirectories(directory);
    for (MigrationScript script : track.scripts()) {
      Files.writeString(directory.resolve("V" + (script.version() + offset) + "__" + script.description() + ".sql"),
          script.sql(), StandardCharsets.UTF_8);
    }
    return directory;
  }

  /** The shared schema's script names, listed from the jar or class folder that holds Crosslist's persistence. */
  private static List<String> sharedResources() throws IOException, URISyntaxException {
    Path home = Path.of(MigrationScript.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(home)) {
      try (Stream<Path> files = Files.list(home.resolve("db/shared"))) {
        files.forEach(f -> names.add("db/shared/" + f.getFileName()));
      }
    } else {
      try (JarFile jar = new JarFile(home.toFile())) {
        jar.stream().forEach(e -> names.add(e.getName()));
      }
    }
    List<String> scripts = names.stream().filter(n -> SHARED_SCRIPT.matcher(n).matches()).toList();
    if (scripts.isEmpty()) {
      throw new IllegalStateException("no shared schema scripts (db/shared/V*__*.sql) found in " + home);
    }
    return scripts;
  }
}
