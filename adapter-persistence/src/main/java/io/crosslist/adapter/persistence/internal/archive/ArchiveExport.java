package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.internal.migration.MigrationTransaction;
import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one tenant to an archive: every table of its schema, whichever track created it, streamed with {@code
 * COPY ... TO STDOUT (FORMAT binary)} into a zip file (constant memory), from one REPEATABLE READ, read-only
 * transaction, so the tables, the registry's versions and the row counts are one snapshot.
 *
 * <p>A second connection holds the tenant's migration lock, shared, for the whole export: migrations and drops of
 * that tenant (which take it exclusively) wait, and the snapshot is taken only once the lock is held, after any
 * migration that was running has committed. The file appears under its name only when complete and synced.
 */
final class ArchiveExport {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveExport.class);
  static final String README = "README.txt";
  private final DataSource locks;
  private final DataSource dataSource;
  private final List<MigrationTrack> tracks;

  /**
   * @param locks where the connection that holds the tenant's lock comes from: another pool than {@code dataSource}
   *     when there are several, so that an export never waits for its own second connection
   */
  ArchiveExport(DataSource locks, DataSource dataSource, List<MigrationTrack> tracks) {
    this.locks = Objects.requireNonNull(locks, "locks");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.tracks = List.copyOf(tracks);
  }

  TenantArchive.Summary export(TenantId tenant, Path file, TenantArchive.Progress progress) {
    long began = System.nanoTime();
    Path target = file.toAbsolutePath();
    Path partial = null;
    try {
      partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
      ArchiveManifest manifest = write(tenant, partial, progress);
      Files.move(partial, target); // never over a file that appeared meanwhile: that one is someone else's
      partial = null;
      long size = Files.size(target);
      TenantArchive.Contents contents = manifest.contents();
      LOG.info("{} exported to {}: {} tables, {} rows, {} bytes", tenant, target, contents.tables().size(),
          contents.rows(), size);
      return new TenantArchive.Summary(tenant, contents, contents.versions(), manifest.status(), size, 0,
          Duration.ofNanos(System.nanoTime() - began));
    } catch (IOException e) {
      throw new UncheckedIOException("exporting " + tenant + " to " + target + " failed: " + e.getMessage(), e);
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          LOG.warn("could not remove the incomplete archive {}: {}", partial, e.getMessage());
        }
      }
    }
  }

  private ArchiveManifest write(TenantId tenant, Path partial, TenantArchive.Progress progress) throws IOException {
    try (Connection guard = locks.getConnection(); Connection c = dataSource.getConnection()) {
      guard.setAutoCommit(false);
      c.setAutoCommit(false);
      try (Statement lock = ConnectionPool.oneShot(guard); Statement st = ConnectionPool.oneShot(c)) {
        lock.execute(MigrationTransaction.tenantLock(tenant, true));
        st.execute("set transaction isolation level repeatable read, read only");
        ArchiveManifest manifest = snapshot(c, tenant, partial, progress);
        c.commit();
        guard.commit();
        return manifest;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        guard.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
        guard.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw TenantMigrations.failure("exporting " + tenant, e);
    }
  }

  /** Everything read in the one snapshot: registry, catalog, rows, sequences; written to {@code partial}. */
  private ArchiveManifest snapshot(Connection c, TenantId tenant, Path partial, TenantArchive.Progress progress)
      throws SQLException, IOException {
    TenantStatus status;
    Instant at;
    int serverVersion;
    try (PreparedStatement ps = c.prepareStatement("select t.status, now(), current_setting('server_version_num')::int"
        + " from crosslist.tenants t where t.id = ?")) {
      ps.setLong(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new UnknownTenantException(tenant);
        }
        status = TenantStatus.valueOf(rs.getString(1));
        at = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
        serverVersion = rs.getInt(3);
      }
    }
    List<ArchiveManifest.Track> archivedTracks = tracks(c, tenant);
    TenantCatalog catalog = TenantCatalog.read(c, tenant);
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    List<ArchiveManifest.Table> tables = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(Deflater.BEST_SPEED); // COPY data compresses well even so, and the disk stays the limit
      zip.putNextEntry(new ZipEntry(README));
      zip.write(("A Crosslist tenant archive of " + tenant + ", exported at " + at + ".\n" + ArchiveManifest.ENTRY
          + " lists its tracks, versions and tables; tables/<n>.pgcopy holds the rows of table <n> as a PostgreSQL"
          + " binary COPY stream.\nRestore it with: crosslist tenants import FILE --as ID\n")
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (TenantCatalog.Table table : catalog.tables()) {
        long began = System.nanoTime();
        zip.putNextEntry(new ZipEntry(ArchiveManifest.entryOf(tables.size())));
        ArchiveStreams.Counting counted = new ArchiveStreams.Counting(zip, table.name(), progress);
        long rows = copy.copyOut(TenantSqlRenderer.render("copy ${tenant}." + ArchiveRestore.ident(table.name())
            + " (" + ArchiveRestore.columnList(table.columns()) + ") to stdout (format binary)", tenant), counted);
        counted.flush();
        zip.closeEntry();
        tables.add(new ArchiveManifest.Table(table.name(), rows, counted.bytes(), table.columns()));
        progress.tableDone(table.name(), rows, counted.bytes(), Duration.ofNanos(System.nanoTime() - began));
      }
      ArchiveManifest manifest = new ArchiveManifest(ArchiveManifest.FORMAT, tenant, status, at, serverVersion,
          archivedTracks, tables, catalog.sequences().stream()
              .map(s -> new ArchiveManifest.Sequence(s.name(), s.lastValue())).toList(),
          ArchiveSecrets.count(c, tenant, catalog));
      zip.putNextEntry(new ZipEntry(ArchiveManifest.ENTRY));
      manifest.write(zip);
      zip.closeEntry();
      zip.finish();
      out.flush();
      channel.force(true); // on disk before anyone acts on it (drops the source, say)
      return manifest;
    }
  }

  /** The tenant's tracks as the registry records them: this build's in their order, then any other, by name. */
  private List<ArchiveManifest.Track> tracks(Connection c, TenantId tenant) throws SQLException {
    Map<String, Integer> versions = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("select track, version from crosslist.tenant_tracks"
        + " where tenant_id = ?")) {
      ps.setLong(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    Map<String, Map<Integer, String>> checksums = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("select track, version, checksum from crosslist.tenant_migrations"
        + " where tenant_id = ?")) {
      ps.setLong(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          checksums.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getString(3));
        }
      }
    }
    Map<String, Integer> ordered = new LinkedHashMap<>();
    tracks.stream().map(MigrationTrack::name).filter(versions::containsKey).forEach(n -> ordered.put(n, versions.get(n)));
    versions.forEach(ordered::putIfAbsent);
    List<ArchiveManifest.Track> archived = new ArrayList<>();
    ordered.forEach((name, version) -> {
      List<String> applied = new ArrayList<>();
      for (int v = 1; v <= version; v++) {
        applied.add(checksums.getOrDefault(name, Map.of()).getOrDefault(v, "unrecorded"));
      }
      archived.add(new ArchiveManifest.Track(name, version, applied));
    });
    return archived;
  }
}
