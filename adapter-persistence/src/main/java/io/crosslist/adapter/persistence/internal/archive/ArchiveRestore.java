package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.internal.migration.MigrationTransaction;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.domain.tenant.InvalidTenantArchiveException;
import io.crosslist.domain.tenant.TenantAlreadyExistsException;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores an archive into a new tenant, in one transaction: the registry row and the schema at the archive's
 * versions (this build's scripts up to them), every table's rows with {@code COPY ... FROM STDIN}, the sequences,
 * then this build's later scripts (what {@link TenantMigrations#migrate} would apply), the credentials re-sealed when
 * the id changes, and the shared rows derived from the tenant's tables (dispatch entries of its waiting jobs, the
 * connected-accounts index). A failure anywhere rolls it all back: no registry row, schema or shared row is left.
 *
 * <p>The archive is checked before anything is written: its format, tracks and versions against this build's;
 * then, in the transaction, its tables and columns against what this build's scripts created at those versions.
 * SQL names only what the catalog of the new schema holds; names in the archive are compared, never run.
 */
public final class ArchiveRestore {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveRestore.class);
  /** Shared tables that hold rows derived from a tenant's tables, rebuilt by a restore (see {@link #rebuildShared}). */
  public static final List<String> SHARED_ROWS_REBUILT = List.of("crosslist.job_dispatch", "crosslist.connected_accounts");
  /** Shared tables a restore writes as provisioning does, for this build's scripts. */
  public static final List<String> SHARED_ROWS_PROVISIONED = List.of("crosslist.tenant_migrations", "crosslist.tenant_tracks");
  private final DataSource dataSource;
  private final TenantMigrations migrations;
  private final ArchiveSecrets secrets;

  ArchiveRestore(DataSource dataSource, TenantMigrations migrations, ArchiveSecrets secrets) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.migrations = Objects.requireNonNull(migrations, "migrations");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** Reads the manifest of {@code file}. */
  static ArchiveManifest manifest(ZipFile zip, Path file) throws IOException {
    ZipEntry entry = zip.getEntry(ArchiveManifest.ENTRY);
    if (entry == null) {
      throw new InvalidTenantArchiveException(file + " is not a tenant archive: it has no " + ArchiveManifest.ENTRY);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return ArchiveManifest.read(in, file.toString());
    }
  }

  static ZipFile open(Path file) throws IOException {
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new InvalidTenantArchiveException(file + " is not a tenant archive (not a zip file: " + e.getMessage()
          + ")");
    }
  }

  TenantArchive.Summary restore(Path file, TenantId as, TenantStatus status, TenantArchive.Progress progress) {
    long began = System.nanoTime();
    try (ZipFile zip = open(file)) {
      ArchiveManifest manifest = manifest(zip, file);
      Map<String, Integer> at = ArchiveChecks.restorableVersions(migrations.tracks(), manifest);
      for (int i = 0; i < manifest.tables().size(); i++) {
        if (zip.getEntry(ArchiveManifest.entryOf(i)) == null) {
          throw new InvalidTenantArchiveException(file + " is incomplete: the rows of table "
              + manifest.tables().get(i).name() + " (" + ArchiveManifest.entryOf(i) + ") are missing");
        }
      }
      boolean reseal = !as.equals(manifest.source()) && manifest.secrets() > 0;
      if (reseal) {
        secrets.requireKeyset("restoring " + manifest.source() + "'s archive as " + as + " re-seals its "
            + manifest.secrets() + " stored credential(s) for " + as);
      }
      TenantStatus finalStatus = status != null ? status : manifest.status();
      int resealed = load(zip, manifest, at, as, finalStatus, reseal, progress);
      LOG.info("{} restored from {} ({}'s archive): {} tables, {} rows, {} credential(s) re-sealed", as, file,
          manifest.source(), manifest.tables().size(), manifest.contents().rows(), resealed);
      return new TenantArchive.Summary(as, manifest.contents(), migrations.versions(), finalStatus, Files.size(file),
          resealed, Duration.ofNanos(System.nanoTime() - began));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the archive " + file + " failed: " + e.getMessage(), e);
    }
  }

  private int load(ZipFile zip, ArchiveManifest manifest, Map<String, Integer> at, TenantId as, TenantStatus status,
      boolean reseal, TenantArchive.Progress progress) {
    List<String> applied = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      int resealed = MigrationTransaction.run(connection, (c, st) -> {
        st.execute(MigrationTransaction.tenantLock(as, false));
        requireNew(c, as);
        st.execute(migrations.newTenantScript(as, at, status));
        TenantCatalog catalog = TenantCatalog.read(c, as);
        Map<String, Integer> indexOf = ArchiveChecks.requireSameTables(manifest, catalog, as);
        st.execute("set constraints all deferred"); // deferrable keys are checked at commit; the others by the order
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (TenantCatalog.Table table : catalog.tables()) {
          int index = indexOf.get(table.name());
          copyIn(copy, zip, table, manifest.tables().get(index), index, as, progress);
        }
        setSequences(c, manifest, catalog, as);
        String upgrade = migrations.upgradeScript(as, at, applied);
        if (!upgrade.isEmpty()) {
          st.execute(upgrade);
        }
        int count = reseal ? secrets.reseal(c, manifest.source(), as) : 0;
        rebuildShared(st, as);
        return count;
      });
      if (!applied.isEmpty()) {
        LOG.info("{} migrated from the archive's versions: {}", as, String.join(", ", applied));
      }
      return resealed;
    } catch (SQLException e) {
      throw TenantMigrations.failure("restoring the archive as " + as + " (nothing was imported)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("the archive is damaged (" + e.getMessage() + "); nothing was imported", e);
    }
  }

  private static void requireNew(Connection c, TenantId as) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from crosslist.tenants where id = ?),"
        + " exists (select 1 from pg_catalog.pg_namespace where nspname = ?)")) {
      ps.setLong(1, as.value());
      ps.setString(2, as.schemaName());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          throw new TenantAlreadyExistsException(as, "it is registered in this database");
        }
        if (rs.getBoolean(2)) {
          throw new TenantAlreadyExistsException(as, "its schema " + as.schemaName() + " exists, without a registry"
              + " entry");
        }
      }
    }
  }

  /**
   * Loads one table. The statement names the created table and the archive's columns in the archive's order (the
   * order of its binary rows), which {@link ArchiveChecks#requireSameTables} found to be exactly the created table's columns.
   */
  private static void copyIn(CopyManager copy, ZipFile zip, TenantCatalog.Table created, ArchiveManifest.Table table,
      int index, TenantId as, TenantArchive.Progress progress) throws SQLException, IOException {
    long began = System.nanoTime();
    ZipEntry entry = zip.getEntry(ArchiveManifest.entryOf(index));
    CRC32 crc = new CRC32();
    long rows;
    long bytes;
    try (InputStream raw = zip.getInputStream(entry);
        ArchiveStreams.CountingInput in = new ArchiveStreams.CountingInput(new CheckedInputStream(raw, crc),
            table.name(), progress)) {
      try {
        rows = copy.copyIn(TenantSqlRenderer.render("copy ${tenant}." + ident(created.name()) + " ("
            + columnList(table.columns()) + ") from stdin (format binary)", as), in, 1 << 16);
      } catch (SQLException e) {
        throw new IllegalStateException("the rows of table " + table.name() + " (" + entry.getName() + ") could not"
            + " be loaded: " + e.getMessage() + "; nothing was imported", e);
      }
      bytes = in.bytes();
    }
    if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
      throw new IllegalStateException("the rows of table " + table.name() + " (" + entry.getName() + ") are damaged:"
          + " their checksum does not match the archive's; nothing was imported");
    }
    if (rows != table.rows() || bytes != table.bytes()) {
      throw new IllegalStateException("table " + table.name() + ": the archive's manifest records " + table.rows()
          + " rows in " + table.bytes() + " bytes, but " + entry.getName() + " held " + rows + " rows in " + bytes
          + " bytes; nothing was imported");
    }
    progress.tableDone(table.name(), rows, bytes, Duration.ofNanos(System.nanoTime() - began));
  }

  /**
   * Each sequence at its archived value, and never behind its column: identity and serial columns go on after the
   * highest id loaded, and an id the source handed out and deleted is not handed out again.
   */
  private static void setSequences(Connection c, ArchiveManifest manifest, TenantCatalog catalog, TenantId as)
      throws SQLException {
    Map<String, Long> archived = new HashMap<>();
    for (ArchiveManifest.Sequence s : manifest.sequences()) {
      if (catalog.sequences().stream().noneMatch(t -> t.name().equals(s.name()))) {
        throw new InvalidTenantArchiveException("the archive holds sequence " + s.name() + ", which this build's"
            + " scripts do not create at the archive's versions " + manifest.versions());
      }
      archived.put(s.name(), s.lastValue());
    }
    try (PreparedStatement setval = c.prepareStatement("select pg_catalog.setval(?::bigint::oid::regclass, ?, true)")) {
      for (TenantCatalog.Sequence sequence : catalog.sequences()) {
        Long value = archived.get(sequence.name());
        if (sequence.ownerColumn() != null) {
          Long max = max(c, as, sequence);
          if (max != null && (value == null || max > value)) {
            value = max;
          }
        }
        if (value != null) {
          setval.setLong(1, sequence.oid());
          setval.setLong(2, value);
          setval.execute();
        }
      }
    }
  }

  private static Long max(Connection c, TenantId as, TenantCatalog.Sequence sequence) throws SQLException {
    try (Statement st = ConnectionPool.oneShot(c); ResultSet rs = st.executeQuery(TenantSqlRenderer.render(
        "select max(" + ident(sequence.ownerColumn()) + ")::bigint from ${tenant}." + ident(sequence.ownerTable()),
        as))) {
      rs.next();
      long max = rs.getLong(1);
      return rs.wasNull() ? null : max;
    }
  }

  /**
   * The shared rows that a tenant's own tables imply, for the new tenant, as the adapters write them: a dispatch
   * entry per waiting job (a job that was running at the export is waiting again and runs again: jobs run at least
   * once), and a connected-accounts entry per connected account. A new shared table that holds a {@code tenant_id}
   * is added here or to {@link #SHARED_ROWS_PROVISIONED}; a test checks that none is left out.
   */
  private static void rebuildShared(Statement st, TenantId as) throws SQLException {
    st.execute(TenantSqlRenderer.render("insert into crosslist.job_dispatch (tenant_id, job_id, marketplace, priority,"
        + " run_after, expires_at) select " + as.value() + ", id, marketplace, priority, run_after, expires_at"
        + " from ${tenant}.marketplace_jobs where status = 'PENDING';\n"
        + "insert into crosslist.connected_accounts (marketplace, tenant_id, connection_id) select marketplace, "
        + as.value() + ", id from ${tenant}.marketplace_connections where status = 'CONNECTED'", as));
  }

  /** A quoted identifier (a name read from the catalog). */
  static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String columnList(List<TenantCatalog.Column> columns) {
    return columns.stream().map(col -> ident(col.name())).collect(Collectors.joining(", "));
  }
}
