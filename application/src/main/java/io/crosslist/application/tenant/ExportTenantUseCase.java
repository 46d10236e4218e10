package io.crosslist.application.tenant;

import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * In-port: writes one tenant, every table of every migration track, to a portable archive file, from one
 * consistent snapshot; its marketplace credentials stay sealed.
 */
public interface ExportTenantUseCase {

  /**
   * @param tenant the tenant to export
   * @param file the archive to write; it must not exist yet, and appears only when complete
   */
  record ExportTenantCommand(TenantId tenant, Path file) {
    public ExportTenantCommand {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * @throws io.crosslist.domain.tenant.UnknownTenantException when the tenant is not provisioned
   * @throws io.crosslist.domain.ValidationException when the file exists or its directory does not
   */
  TenantArchive.Summary export(ExportTenantCommand command, TenantArchive.Progress progress);
}
