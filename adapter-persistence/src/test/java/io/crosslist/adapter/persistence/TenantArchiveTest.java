package io.crosslist.adapter.persistence;

import static io.crosslist.adapter.persistence.ArchiveFixtures.assertEveryTableHoldsRows;
import static io.crosslist.adapter.persistence.ArchiveFixtures.count;
import static io.crosslist.adapter.persistence.ArchiveFixtures.rows;
import static io.crosslist.adapter.persistence.ArchiveFixtures.sql;
import static io.crosslist.domain.connection.ConnectionFixtures.ebay;
import static io.crosslist.domain.connection.ConnectionFixtures.vinted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.internal.archive.TenantArchiveStore;
import io.crosslist.adapter.persistence.internal.connection.UnconfiguredSecretCipher;
import io.crosslist.adapter.persistence.internal.migration.MigrationTransaction;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.application.tenant.ImportTenantUseCase.ImportTenantCommand;
import io.crosslist.application.tenant.TenantArchiveService;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.connection.SecretUnreadableException;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.TenantSuspension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import of one tenant on real PostgreSQL: into another database, under another id, row by row. */
class TenantArchiveTest {
  private static final Persistence db = Persistence.get();
  private static final String SOURCE_URL = TestDatabase.get().jdbcUrl();
  private static HikariDataSource pool;
  private static ArchiveFixtures.SecondDatabase other;

  @TempDir
  Path dir;

  @BeforeAll
  static void open() throws Exception {
    pool = ConnectionPool.open(TestDatabase.get().settings());
    other = new ArchiveFixtures.SecondDatabase(List.of(ArchiveFixtures.ACME));
  }

  @AfterAll
  static void close() throws Exception {
    pool.close();
    other.close();
  }

  /** The source side: this build with the host's track, on the tests' database. */
  private static TenantArchiveStore source(List<MigrationTrack> tracks) {
    return new TenantArchiveStore(pool, pool, new TenantMigrations(pool, tracks, Duration.ofSeconds(2), 3),
        TinkSecretCipher.fromJsonKeyset(TestDatabase.KEYSET));
  }

  /** A tenant with the host's track, rows in every table and two connections whose secrets are sealed for it. */
  static TenantId populatedTenant(javax.sql.DataSource pool) throws Exception {
    TenantId tenant = Persistence.unusedTenant();
    new TenantMigrations(pool, ArchiveFixtures.crosslistAndAcme(), Duration.ofSeconds(2), 3).provision(tenant);
    ArchiveFixtures.populate(tenant);
    MarketplaceConnectionRepository connections = db.injector.getInstance(MarketplaceConnectionRepository.class);
    connections.add(tenant, ebay("archived"));
    connections.add(tenant, vinted("archived"));
    return tenant;
  }

  @Test
  void a_tenant_exported_and_imported_under_another_id_in_another_database_is_the_same_row_by_row() throws Exception {
    TenantId source = populatedTenant(pool);
    Map<String, List<String>> before = rows(SOURCE_URL, source);
    assertEveryTableHoldsRows(before);
    Path file = dir.resolve("tenant.zip");
    List<String> exported = new ArrayList<>();

    TenantArchive.Summary written = source(ArchiveFixtures.crosslistAndAcme()).export(source, file,
        new TenantArchive.Progress() {
          @Override
          public void tableDone(String table, long rows, long bytes, Duration took) {
            exported.add(table);
          }
        });

    assertTrue(Files.isRegularFile(file));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList(), "no partial file left beside the archive");
    }
    assertEquals(19, written.contents().tables().size(), written.contents().tables().toString());
    assertEquals(Map.of("crosslist", MigrationScript.TENANT.size(), "acme", 2), written.contents().versions());
    assertEquals(2 + 1, written.contents().sealedSecrets(), "ebay's two tokens and vinted's cookies");
    assertTrue(exported.indexOf("products") < exported.indexOf("marketplace_jobs")
        && exported.indexOf("marketplace_batches") < exported.indexOf("marketplace_jobs")
        && exported.indexOf("marketplace_jobs") < exported.indexOf("marketplace_tasks")
        && exported.indexOf("conversation_threads") < exported.indexOf("conversation_messages"),
        "referenced tables first: " + exported);

    TenantId copy = TenantId.of(source.value() + 500_000);
    TenantArchiveService importer = new TenantArchiveService(other.injector.getInstance(TenantArchive.class));
    TenantArchive.Summary restored = importer.importTenant(ImportTenantCommand.as(file, copy), TenantArchive.Progress.NONE);

    assertEquals(3, restored.secretsResealed());
    assertEquals(TenantStatus.ACTIVE, restored.status());
    Map<String, List<String>> after = rows(other.url, copy);
    assertEquals(before, after, "every table and sequence, row by row");
    assertEquals(written.contents().rows(), restored.contents().rows());

    // the credentials decrypt under the new tenant, and only there: they were re-sealed, not copied
    MarketplaceConnectionRepository sourceConnections = db.injector.getInstance(MarketplaceConnectionRepository.class);
    MarketplaceConnectionRepository copies = other.injector.getInstance(MarketplaceConnectionRepository.class);
    List<MarketplaceConnection> originals = sourceConnections.list(source);
    List<MarketplaceConnection> imported = copies.list(copy);
    assertEquals(2, imported.size());
    for (int i = 0; i < originals.size(); i++) {
      MarketplaceConnection a = originals.get(i);
      MarketplaceConnection b = imported.get(i);
      assertEquals(a.id(), b.id());
      assertEquals(a.tokens(), b.tokens());
      assertEquals(a.session() == null ? null : a.session().cookies(), b.session() == null ? null
          : b.session().cookies());
    }
    byte[] sealedForCopy = secret(other.url, copy, "refresh_token");
    assertFalse(java.util.Arrays.equals(secret(SOURCE_URL, source, "refresh_token"), sealedForCopy));
    SecretCipher cipher = TinkSecretCipher.fromJsonKeyset(TestDatabase.KEYSET);
    assertThrows(SecretUnreadableException.class, () -> cipher.decrypt(sealedForCopy,
        new SecretCipher.Context(source, originals.get(0).id(), "refresh_token")), "bound to the new tenant");

    // the registry and the shared rows the tenant's tables imply
    assertEquals(MigrationScript.TENANT.size(), count(other.url, "select version from crosslist.tenant_tracks"
        + " where tenant_id = ? and track = 'crosslist'", copy.value()));
    assertEquals(2, count(other.url, "select version from crosslist.tenant_tracks where tenant_id = ?"
        + " and track = 'acme'", copy.value()));
    assertEquals(1, count(other.url, "select count(*) from crosslist.job_dispatch where tenant_id = ?", copy.value()),
        "the waiting job can be claimed");
    assertEquals(2, count(other.url, "select count(*) from crosslist.connected_accounts where tenant_id = ?",
        copy.value()));
    // identities go on after the source's last value (product 4 was deleted there: its id is not handed out again)
    assertEquals(5, count(other.url, "insert into " + copy.schemaName() + ".products (title, price_amount,"
        + " price_currency, category_code, condition_code, stock_quantity, status, created_at, updated_at) values"
        + " ('new', 1, 'EUR', 'coats', 'new', 1, 'DRAFT', now(), now()) returning id"));
  }

  private static byte[] secret(String url, TenantId tenant, String column) throws Exception {
    try (Connection c = TestDatabase.connect(url); PreparedStatement ps = c.prepareStatement("select " + column
        + " from " + tenant.schemaName() + ".marketplace_connections where " + column + " is not null order by id")) {
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getBytes(1);
      }
    }
  }

  @Test
  void under_its_own_id_in_another_database_credentials_are_copied_as_they_are_without_a_keyset() throws Exception {
    TenantId source = populatedTenant(pool);
    Path file = dir.resolve("same-id.zip");
    source(ArchiveFixtures.crosslistAndAcme()).export(source, file, TenantArchive.Progress.NONE);
    try (HikariDataSource otherPool = ConnectionPool.open(TestDatabase.pooled(PersistenceSettings.forJdbcUrl(other.url)))) {
      TenantArchiveStore withoutKeyset = new TenantArchiveStore(otherPool, otherPool, new TenantMigrations(otherPool,
          ArchiveFixtures.crosslistAndAcme(), Duration.ofSeconds(2), 3), new UnconfiguredSecretCipher());
      TenantArchive.Summary restored = withoutKeyset.restore(file, source, TenantStatus.SUSPENDED,
          TenantArchive.Progress.NONE);
      assertEquals(0, restored.secretsResealed());
      assertEquals(TenantStatus.SUSPENDED, restored.status(), "the status asked for, not the exported one");
    }
    assertArrayEquals(secret(SOURCE_URL, source, "access_token"), secret(other.url, source, "access_token"));
    assertEquals(rows(SOURCE_URL, source), rows(other.url, source));
    assertEquals(ebay("archived").tokens(), other.injector.getInstance(MarketplaceConnectionRepository.class)
        .list(source).get(0).tokens(), "the other deployment, with the same keyset, reads them");
  }

  @Test
  void an_archive_from_an_older_version_is_created_at_that_version_and_migrated_to_this_builds() throws Exception {
    TenantId old = Persistence.unusedTenant();
    List<MigrationScript> upToV8 = MigrationScript.TENANT.subList(0, 8);
    TenantMigrations v8 = TenantProvisioningTest.migrations(pool, upToV8);
    v8.provision(old);
    // at V8 a running job is a RUNNING row, and batches count running jobs; V9 turns both into waiting work
    sql(SOURCE_URL, """
        insert into %1$s.products (title, price_amount, price_currency, category_code, condition_code,
          stock_quantity, status, created_at, updated_at) values ('old', 1, 'EUR', 'coats', 'new', 1, 'DRAFT', now(), now());
        insert into %1$s.marketplace_batches (description, pending, running, created_at, updated_at)
        values ('b', 0, 1, now(), now());
        insert into %1$s.marketplace_jobs (marketplace, action, product_id, batch_id, status, priority, attempts,
          max_attempts, run_after, created_at, updated_at)
        values ('VINTED', 'PUBLISH', 1, 1, 'RUNNING', 0, 1, 3, now(), now(), now());
        """.formatted(old.schemaName()));
    Path file = dir.resolve("v8.zip");
    new TenantArchiveStore(pool, pool, v8, new UnconfiguredSecretCipher()).export(old, file,
        TenantArchive.Progress.NONE);

    TenantId copy = TenantId.of(old.value() + 500_000);
    TenantArchive.Summary restored = other.injector.getInstance(TenantArchive.class).restore(file, copy, null,
        TenantArchive.Progress.NONE);

    assertEquals(Map.of("crosslist", 8), restored.contents().versions());
    assertEquals(Map.of("crosslist", MigrationScript.TENANT.size(), "acme", 2), restored.versions());
    assertEquals(1, count(other.url, "select count(*) from " + copy.schemaName() + ".marketplace_jobs"
        + " where status = 'PENDING' and attempts = 0"), "V9 ran on the imported rows");
    assertEquals(1, count(other.url, "select pending from " + copy.schemaName() + ".marketplace_batches"));
    assertEquals(1, count(other.url, "select count(*) from crosslist.job_dispatch where tenant_id = ?", copy.value()));
    assertEquals(1, count(other.url, "select count(*) from pg_tables where schemaname = ? and tablename = 'acme_notes'",
        copy.schemaName()), "the host's track, absent from the archive, was created");
    assertEquals(MigrationScript.TENANT.size() + 2, count(other.url, "select count(*) from crosslist.tenant_migrations"
        + " where tenant_id = ?", copy.value()));
  }

  @Test
  void an_export_waits_for_a_running_migration_of_the_tenant_and_sees_what_it_committed() throws Exception {
    TenantId tenant = db.newTenant();
    Path file = dir.resolve("waited.zip");
    TenantArchiveStore archive = source(List.of(MigrationTrack.crosslist()));
    try (Connection migration = TestDatabase.get().connect()) {
      migration.setAutoCommit(false);
      try (var st = migration.createStatement()) {
        st.execute("select pg_advisory_xact_lock(" + MigrationTransaction.TENANT_LOCK + ", " + Long.hashCode(tenant.value())
            + ")");
        st.execute("insert into " + tenant.schemaName() + ".marketplace_poll_cursors values ('EBAY', now(), now())");
      }
      CompletableFuture<TenantArchive.Summary> export = CompletableFuture.supplyAsync(() -> archive.export(tenant, file,
          TenantArchive.Progress.NONE));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (count(SOURCE_URL, "select count(*) from pg_locks where locktype = 'advisory' and not granted and"
          + " database = (select oid from pg_database where datname = current_database()) and classid::bigint = ?"
          + " and objid::bigint = ?", (long) MigrationTransaction.TENANT_LOCK, (long) Long.hashCode(tenant.value())
          & 0xffffffffL) == 0) {
        assertTrue(System.nanoTime() < deadline, "the export never waited for the lock");
        assertFalse(export.isDone(), "the export did not wait for the migration: " + export);
        Thread.sleep(20);
      }
      migration.commit(); // the "migration" ends; the export's snapshot must come after it
      TenantArchive.Summary summary = export.get(30, TimeUnit.SECONDS);
      assertEquals(1, summary.contents().tables().stream().filter(t -> t.name().equals("marketplace_poll_cursors"))
          .findFirst().orElseThrow().rows(), "the row the migration committed while the export waited");
    }
  }

  @Test
  void a_suspended_tenant_is_exported_with_its_status_and_imported_so() throws Exception {
    TenantId tenant = db.newTenant();
    db.injector.getInstance(TenantSuspension.class).changeStatus(tenant, TenantStatus.SUSPENDED);
    Path file = dir.resolve("suspended.zip");
    TenantArchive.Summary written = source(List.of(MigrationTrack.crosslist())).export(tenant, file,
        TenantArchive.Progress.NONE);
    assertEquals(TenantStatus.SUSPENDED, written.status());
    TenantArchive archive = other.injector.getInstance(TenantArchive.class);
    assertEquals(TenantStatus.SUSPENDED, archive.describe(file).status());
    TenantId copy = TenantId.of(tenant.value() + 500_000);
    assertEquals(TenantStatus.SUSPENDED, archive.restore(file, copy, null, TenantArchive.Progress.NONE).status());
    assertEquals(1, count(other.url, "select count(*) from crosslist.tenants where id = ? and status = 'SUSPENDED'",
        copy.value()));
  }
}
