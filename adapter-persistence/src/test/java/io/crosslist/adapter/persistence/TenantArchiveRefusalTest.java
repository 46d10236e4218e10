package io.crosslist.adapter.persistence;

import static io.crosslist.adapter.persistence.ArchiveFixtures.assertNothingOf;
import static io.crosslist.adapter.persistence.ArchiveFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.internal.archive.ArchiveManifest;
import io.crosslist.adapter.persistence.internal.archive.ArchiveRestore;
import io.crosslist.adapter.persistence.internal.archive.TenantArchiveStore;
import io.crosslist.adapter.persistence.internal.connection.UnconfiguredSecretCipher;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.migration.TenantRemover;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.application.tenant.ExportTenantUseCase.ExportTenantCommand;
import io.crosslist.application.tenant.TenantArchiveService;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.SecretsNotConfiguredException;
import io.crosslist.domain.tenant.InvalidTenantArchiveException;
import io.crosslist.domain.tenant.TenantAlreadyExistsException;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import refuses, and that a failed import leaves nothing behind. */
class TenantArchiveRefusalTest {
  private static final Persistence db = Persistence.get();
  private static final String URL = TestDatabase.get().jdbcUrl();
  private static HikariDataSource pool;

  @TempDir
  Path dir;

  @BeforeAll
  static void open() {
    pool = ConnectionPool.open(TestDatabase.get().settings());
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  private static TenantArchiveStore store(List<MigrationTrack> tracks, boolean keyset) {
    return new TenantArchiveStore(pool, pool, new TenantMigrations(pool, tracks, Duration.ofSeconds(2), 3),
        keyset ? TinkSecretCipher.fromJsonKeyset(TestDatabase.KEYSET) : new UnconfiguredSecretCipher());
  }

  /** This build with the host's track: what the archives here are exported and restored by. */
  private static TenantArchiveStore build() {
    return store(ArchiveFixtures.crosslistAndAcme(), true);
  }

  private Path exported(String name) throws Exception {
    TenantId source = TenantArchiveTest.populatedTenant(pool);
    Path file = dir.resolve(name);
    build().export(source, file, TenantArchive.Progress.NONE);
    return file;
  }

  @Test
  void an_archive_whose_rows_are_damaged_leaves_no_schema_registry_row_or_shared_row() throws Exception {
    Path good = exported("good.zip");
    // the rows of the last table cut short, and, apart, a manifest that promises one row more than the archive holds
    String last = lastTable(good);
    Path truncated = rewritten(good, dir.resolve("truncated.zip"), (name, bytes) -> name.equals(last)
        ? java.util.Arrays.copyOf(bytes, bytes.length - 7) : bytes);
    Path miscounted = rewritten(good, dir.resolve("miscounted.zip"), (name, bytes) -> name.equals(ArchiveManifest.ENTRY)
        ? new String(bytes, StandardCharsets.ISO_8859_1).replaceFirst("table\\.1\\.rows=(\\d+)", "table.1.rows=99")
            .getBytes(StandardCharsets.ISO_8859_1) : bytes);
    for (Path damaged : List.of(truncated, miscounted)) {
      TenantId target = Persistence.unusedTenant();
      RuntimeException e = assertThrows(RuntimeException.class, () -> build().restore(damaged, target, null,
          TenantArchive.Progress.NONE));
      assertTrue(e.getMessage().contains("nothing was imported"), e.getMessage());
      assertNothingOf(URL, target);
    }
  }

  @Test
  void a_migration_of_the_imported_rows_that_fails_leaves_nothing_either() throws Exception {
    MigrationTrack notesV1 = MigrationTrack.of("acme", ArchiveFixtures.ACME.scripts().get(0));
    TenantId source = Persistence.unusedTenant();
    new TenantMigrations(pool, List.of(MigrationTrack.crosslist(), notesV1), Duration.ofSeconds(2), 3).provision(source);
    ArchiveFixtures.sql(URL, "insert into " + source.schemaName() + ".acme_notes values (1, 'same'), (2, 'same')");
    Path file = dir.resolve("notes-v1.zip");
    store(List.of(MigrationTrack.crosslist(), notesV1), true).export(source, file, TenantArchive.Progress.NONE);
    MigrationTrack uniqueNotes = MigrationTrack.of("acme", ArchiveFixtures.ACME.scripts().get(0), MigrationScript.of(2,
        "unique_notes", "create unique index acme_notes_body on ${tenant}.acme_notes (body)"));

    TenantId target = Persistence.unusedTenant();
    RuntimeException e = assertThrows(RuntimeException.class, () -> store(List.of(MigrationTrack.crosslist(),
        uniqueNotes), true).restore(file, target, null, TenantArchive.Progress.NONE));

    assertTrue(e.getMessage().contains("could not create unique index"), e.getMessage());
    assertNothingOf(URL, target);
  }

  @Test
  void an_existing_target_id_is_refused_and_left_as_it_was() throws Exception {
    Path file = exported("existing.zip");
    TenantId existing = db.newTenant();
    long migrations = count(URL, "select count(*) from crosslist.tenant_migrations where tenant_id = ?",
        existing.value());
    TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class, () -> build().restore(file,
        existing, null, TenantArchive.Progress.NONE));
    assertTrue(e.getMessage().contains(existing + " already exists (it is registered in this database)"),
        e.getMessage());
    assertEquals(migrations, count(URL, "select count(*) from crosslist.tenant_migrations where tenant_id = ?",
        existing.value()));
    TenantId orphan = Persistence.unusedTenant();
    ArchiveFixtures.sql(URL, "create schema " + orphan.schemaName());
    try {
      assertThrows(TenantAlreadyExistsException.class, () -> build().restore(file, orphan, null,
          TenantArchive.Progress.NONE), "a schema left without a registry row is not overwritten");
    } finally {
      ArchiveFixtures.sql(URL, "drop schema " + orphan.schemaName());
    }
  }

  @Test
  void an_archive_from_a_newer_build_or_with_an_unknown_track_is_refused_before_anything_is_written()
      throws Exception {
    int latest = MigrationScript.latest(MigrationScript.TENANT);
    List<MigrationScript> withNext = new ArrayList<>(MigrationScript.TENANT);
    withNext.add(MigrationScript.of(latest + 1, "future", "alter table ${tenant}.products add column future text"));
    TenantMigrations newer = TenantProvisioningTest.migrations(pool, withNext);
    TenantId source = Persistence.unusedTenant();
    newer.provision(source);
    Path fromNewer = dir.resolve("newer.zip");
    new TenantArchiveStore(pool, pool, newer, new UnconfiguredSecretCipher()).export(source, fromNewer,
        TenantArchive.Progress.NONE);
    TenantId target = Persistence.unusedTenant();
    InvalidTenantArchiveException e = assertThrows(InvalidTenantArchiveException.class, () -> build().restore(
        fromNewer, target, null, TenantArchive.Progress.NONE));
    assertTrue(e.getMessage().contains("the archive is from a newer build: track 'crosslist' is at V" + (latest + 1)
        + " in the archive, and this build has only up to V" + latest), e.getMessage());
    assertNothingOf(URL, target);

    Path withAcme = exported("acme.zip");
    e = assertThrows(InvalidTenantArchiveException.class, () -> store(List.of(MigrationTrack.crosslist()), true)
        .restore(withAcme, target, null, TenantArchive.Progress.NONE));
    assertTrue(e.getMessage().contains("the archive holds migration track 'acme' (V2), which this build does not"
        + " register"), e.getMessage());
    assertNothingOf(URL, target);

    Path notAnArchive = Files.writeString(dir.resolve("notes.txt"), "hello");
    e = assertThrows(InvalidTenantArchiveException.class, () -> build().describe(notAnArchive));
    assertTrue(e.getMessage().contains("is not a tenant archive"), e.getMessage());
  }

  @Test
  void re_sealing_under_another_id_without_a_keyset_is_refused_clearly() throws Exception {
    Path file = exported("sealed.zip");
    TenantId target = Persistence.unusedTenant();
    SecretsNotConfiguredException e = assertThrows(SecretsNotConfiguredException.class, () -> store(
        ArchiveFixtures.crosslistAndAcme(), false).restore(file, target, null, TenantArchive.Progress.NONE));
    assertTrue(e.getMessage().contains("re-seals its 3 stored credential(s) for " + target + ", but no secret keyset"
        + " is configured"), e.getMessage());
    assertNothingOf(URL, target);
  }

  @Test
  void an_export_of_an_unknown_tenant_or_over_an_existing_file_is_refused_and_leaves_no_file() throws Exception {
    TenantId unknown = Persistence.unusedTenant();
    Path file = dir.resolve("unknown.zip");
    assertThrows(UnknownTenantException.class, () -> build().export(unknown, file, TenantArchive.Progress.NONE));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(), listing.toList(), "no archive and no partial file");
    }
    Path existing = Files.writeString(dir.resolve("existing.zip"), "mine");
    ValidationException e = assertThrows(ValidationException.class, () -> new TenantArchiveService(build())
        .export(new ExportTenantCommand(db.newTenant(), existing), TenantArchive.Progress.NONE));
    assertTrue(e.getMessage().contains("exists already: an export never overwrites"), e.getMessage());
    assertEquals("mine", Files.readString(existing));
  }

  @Test
  void every_shared_table_that_holds_tenant_rows_is_written_by_an_import() {
    List<String> covered = new ArrayList<>(ArchiveRestore.SHARED_ROWS_REBUILT);
    covered.addAll(ArchiveRestore.SHARED_ROWS_PROVISIONED);
    assertEquals(TenantRemover.SHARED_ROWS.stream().sorted().toList(), covered.stream().sorted().toList(),
        "TenantRemover.SHARED_ROWS lists every shared table with a tenant_id (TenantFleetTest checks it)");
  }

  /** The zip entry holding the rows of the archive's last table. */
  private static String lastTable(Path archive) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      return zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("tables/")).sorted()
          .reduce((a, b) -> b).orElseThrow();
    }
  }

  /** A copy of {@code from} with each entry's bytes passed through {@code change}. */
  static Path rewritten(Path from, Path to, BiFunction<String, byte[], byte[]> change) throws IOException {
    try (ZipFile zip = new ZipFile(from.toFile()); OutputStream out = Files.newOutputStream(to);
        ZipOutputStream copy = new ZipOutputStream(out)) {
      for (ZipEntry entry : zip.stream().toList()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(bytes);
        }
        copy.putNextEntry(new ZipEntry(entry.getName()));
        copy.write(change.apply(entry.getName(), bytes.toByteArray()));
        copy.closeEntry();
      }
    }
    return to;
  }
}
