package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * {@link TenantArchive} on PostgreSQL: a zip file holding a manifest ({@link ArchiveManifest}) and each table's rows
 * as a binary COPY stream. Exports are {@link ArchiveExport}, restores {@link ArchiveRestore}; an export holds two
 * connections (one keeps the tenant's migration lock), a restore one.
 */
public final class TenantArchiveStore implements TenantArchive {
  private final ArchiveExport export;
  private final ArchiveRestore restore;

  /**
   * @param locks the pool of the connection an export holds the tenant's lock on (another lane, when there are)
   * @param migrations this build's tracks: an archive is restored at its versions of them, then migrated to theirs
   * @param cipher re-seals credentials when an archive is restored under another tenant id
   */
  public TenantArchiveStore(DataSource dataSource, DataSource locks, TenantMigrations migrations, SecretCipher cipher) {
    Objects.requireNonNull(migrations, "migrations");
    this.export = new ArchiveExport(locks, dataSource, migrations.tracks());
    this.restore = new ArchiveRestore(dataSource, migrations, new ArchiveSecrets(cipher));
  }

  @Override
  public Contents describe(Path file) {
    try (ZipFile zip = ArchiveRestore.open(file)) {
      return ArchiveRestore.manifest(zip, file).contents();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the archive " + file + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Summary export(TenantId tenant, Path file, Progress progress) {
    return export.export(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(file, "file"),
        Objects.requireNonNull(progress, "progress"));
  }

  @Override
  public Summary restore(Path file, TenantId as, TenantStatus status, Progress progress) {
    return restore.restore(Objects.requireNonNull(file, "file"), Objects.requireNonNull(as, "as"), status,
        Objects.requireNonNull(progress, "progress"));
  }
}
