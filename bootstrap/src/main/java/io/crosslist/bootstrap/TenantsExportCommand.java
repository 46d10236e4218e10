package io.crosslist.bootstrap;

import io.crosslist.application.tenant.ExportTenantUseCase;
import io.crosslist.application.tenant.ExportTenantUseCase.ExportTenantCommand;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crosslist tenants export ID --out FILE}: one tenant to a portable archive. Prints a line per table and a
 * summary; exit 0 when written, 2 when refused (unknown tenant, --out exists), 3 when it failed (no file is left).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Writes one tenant, every table of every migration track, to a portable archive (a zip of binary"
        + " COPY streams and a manifest), from one consistent snapshot; credentials stay sealed.")
final class TenantsExportCommand extends DatabaseCommand {
  @Parameters(index = "0", paramLabel = "TENANT", description = "the tenant id")
  TenantId tenant;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "the archive to write; it must not exist (it appears only when complete)")
  Path out;

  @Override
  public Integer call() {
    Path file = out.toAbsolutePath();
    if (Files.exists(file)) {
      spec.commandLine().getErr().println("error: --out: " + file + " exists already: an export never overwrites;"
          + " choose another file or remove it");
      return 2;
    }
    if (!Files.isDirectory(file.getParent())) {
      spec.commandLine().getErr().println("error: --out: the directory " + file.getParent() + " does not exist");
      return 2;
    }
    return ArchiveLines.exitCode(spec.commandLine().getErr(), () -> withInjector(injector -> {
      out().println("exporting tenant " + tenant.value() + " to " + file);
      TenantArchive.Summary summary = injector.getInstance(ExportTenantUseCase.class)
          .export(new ExportTenantCommand(tenant, file), new ArchiveLines(out()));
      TenantArchive.Contents contents = summary.contents();
      out().printf(Locale.ROOT, "exported tenant %d (%s; %s): %d tables, %,d rows, %s of rows in a %s archive, in"
          + " %s; %d credential(s) left sealed%n", tenant.value(), summary.status(),
          ArchiveLines.versions(contents.versions()), contents.tables().size(), contents.rows(),
          ArchiveLines.size(contents.bytes()), ArchiveLines.size(summary.archiveBytes()),
          ArchiveLines.seconds(summary.duration()), contents.sealedSecrets());
      return 0;
    }));
  }
}
