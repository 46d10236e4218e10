package io.crosslist.domain.tenant;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Out-port: one tenant as a portable archive file. An export writes every table of every migration track of a
 * tenant, as one consistent snapshot, with a manifest of its tracks, versions and row counts; a restore creates a
 * new tenant from an archive, in this database or another one, and brings it to this build's versions. A restore
 * is all or nothing: when it fails, no registry row, schema or row of the new tenant is left.
 *
 * <p>Marketplace credentials stay sealed in the archive: an export never decrypts them. A restore under the
 * archive's own tenant id copies them; under another id it re-seals them for that tenant with the configured
 * keyset, since a ciphertext is bound to its tenant (see {@code SecretCipher.Context}).
 *
 * <pre>{@code
 * Summary written = archive.export(TenantId.of(42), Path.of("tenant-42.zip"), Progress.NONE);
 * Summary restored = other.restore(Path.of("tenant-42.zip"), TenantId.of(4242), null, Progress.NONE);
 * }</pre>
 */
public interface TenantArchive {

  /**
   * Reads what an archive holds, without touching the database.
   *
   * @throws InvalidTenantArchiveException when the file is not a tenant archive this build can read
   */
  Contents describe(Path file);

  /**
   * Writes {@code tenant} to {@code file}, which must not exist yet: it appears only when the archive is complete.
   *
   * @throws UnknownTenantException when the tenant is not provisioned
   */
  Summary export(TenantId tenant, Path file, Progress progress);

  /**
   * Creates tenant {@code as} from the archive {@code file}: at the archive's versions first, then migrated to this
   * build's, in one transaction.
   *
   * @param status the new tenant's status, or null for the status it had when it was exported
   * @throws TenantAlreadyExistsException when {@code as} exists in this database
   * @throws InvalidTenantArchiveException when the archive cannot be restored by this build (unknown track, newer
   *     version, tables that are not what this build's scripts create at those versions)
   * @throws io.crosslist.domain.connection.SecretsNotConfiguredException when credentials need re-sealing and no
   *     keyset is configured
   */
  Summary restore(Path file, TenantId as, TenantStatus status, Progress progress);

  /**
   * One table in an archive.
   *
   * @param name the table's name in the tenant's schema
   * @param rows how many rows it holds
   * @param bytes the size of its rows in the archive, uncompressed
   * @param columns its columns, in the order the rows hold them
   */
  record Table(String name, long rows, long bytes, List<String> columns) {
    public Table {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }
  }

  /**
   * What an archive holds.
   *
   * @param source the tenant it was exported from
   * @param status the source's status when it was exported
   * @param exportedAt the time of the snapshot
   * @param versions each migration track's version in the source, by track, in the order tracks are applied
   * @param tables every table of the tenant's schema, in the order a restore loads them
   * @param sealedSecrets how many stored credentials (sealed for the source tenant) it holds
   */
  record Contents(TenantId source, TenantStatus status, Instant exportedAt, Map<String, Integer> versions,
      List<Table> tables, int sealedSecrets) {
    public Contents {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(exportedAt, "exportedAt");
      versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
      tables = List.copyOf(tables);
    }

    /** Rows over every table. */
    public long rows() {
      return tables.stream().mapToLong(Table::rows).sum();
    }

    /** Size of the rows over every table, uncompressed. */
    public long bytes() {
      return tables.stream().mapToLong(Table::bytes).sum();
    }
  }

  /**
   * What an export or a restore did.
   *
   * @param tenant the tenant exported, or the tenant created by a restore
   * @param contents what the archive holds
   * @param versions the tenant's versions after the call (a restore's are this build's)
   * @param status the tenant's status after the call
   * @param archiveBytes the size of the archive file
   * @param secretsResealed credentials a restore under another id re-sealed for the new tenant (0 for an export)
   * @param duration how long it took
   */
  record Summary(TenantId tenant, Contents contents, Map<String, Integer> versions, TenantStatus status,
      long archiveBytes, int secretsResealed, Duration duration) {
    public Summary {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(contents, "contents");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(duration, "duration");
      versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
    }
  }

  /** Hears about an export or a restore as it goes, for progress lines; called from the working thread. */
  interface Progress {
    /** Ignores everything. */
    Progress NONE = new Progress() { };

    /** A table was copied: its rows, their size and how long it took. */
    default void tableDone(String table, long rows, long bytes, Duration took) { }

    /** A large table is still being copied (at most every few seconds): the bytes so far. */
    default void stillCopying(String table, long bytesSoFar) { }
  }
}
