package io.crosslist.application.tenant;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.tenant.TenantArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Export and import of one tenant over the {@link TenantArchive} port. Checks the files first, so that a wrong
 * path is refused before any database work, naming the file and the rule.
 */
public final class TenantArchiveService implements ExportTenantUseCase, ImportTenantUseCase {
  private final TenantArchive archive;

  public TenantArchiveService(TenantArchive archive) {
    this.archive = Objects.requireNonNull(archive, "archive");
  }

  @Override
  public TenantArchive.Summary export(ExportTenantCommand command, TenantArchive.Progress progress) {
    Path file = command.file().toAbsolutePath();
    if (Files.exists(file)) {
      throw ValidationException.of("file", file + " exists already: an export never overwrites; choose another"
          + " file or remove it");
    }
    if (!Files.isDirectory(file.getParent())) {
      throw ValidationException.of("file", "the directory " + file.getParent() + " does not exist");
    }
    return archive.export(command.tenant(), file, Objects.requireNonNull(progress, "progress"));
  }

  @Override
  public TenantArchive.Contents describe(Path file) {
    return archive.describe(readable(file));
  }

  @Override
  public TenantArchive.Summary importTenant(ImportTenantCommand command, TenantArchive.Progress progress) {
    return archive.restore(readable(command.file()), command.as(), command.status().orElse(null),
        Objects.requireNonNull(progress, "progress"));
  }

  private static Path readable(Path file) {
    Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath();
    if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
      throw ValidationException.of("file", absolute + " is not a readable file");
    }
    return absolute;
  }
}
