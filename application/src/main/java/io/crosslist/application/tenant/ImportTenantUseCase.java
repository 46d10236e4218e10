package io.crosslist.application.tenant;

import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * In-port: restores a tenant archive into a new tenant, in this database or another one, and brings it to this
 * build's migration versions; all or nothing. Under another id than the archive's, its credentials are re-sealed
 * for the new tenant with the configured keyset.
 */
public interface ImportTenantUseCase {

  /**
   * @param file the archive
   * @param as the new tenant's id; it must not exist in this database
   * @param status the new tenant's status, or empty for the one it had when exported
   */
  record ImportTenantCommand(Path file, TenantId as, Optional<TenantStatus> status) {
    public ImportTenantCommand {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(as, "as");
      Objects.requireNonNull(status, "status");
    }

    /** Under {@code as}, with the status the tenant had when exported. */
    public static ImportTenantCommand as(Path file, TenantId as) {
      return new ImportTenantCommand(file, as, Optional.empty());
    }
  }

  /**
   * What the archive holds, read without touching the database.
   *
   * @throws io.crosslist.domain.tenant.InvalidTenantArchiveException when it is no archive this build can read
   */
  TenantArchive.Contents describe(Path file);

  /**
   * @throws io.crosslist.domain.tenant.TenantAlreadyExistsException when the id is in use
   * @throws io.crosslist.domain.tenant.InvalidTenantArchiveException when this build cannot restore the archive
   * @throws io.crosslist.domain.connection.SecretsNotConfiguredException when credentials need re-sealing and no
   *     keyset is configured
   */
  TenantArchive.Summary importTenant(ImportTenantCommand command, TenantArchive.Progress progress);
}
