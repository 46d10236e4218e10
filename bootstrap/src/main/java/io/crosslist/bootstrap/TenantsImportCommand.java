package io.crosslist.bootstrap;

import io.crosslist.application.tenant.ImportTenantUseCase;
import io.crosslist.application.tenant.ImportTenantUseCase.ImportTenantCommand;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crosslist tenants import FILE --as ID}: an archive into a new tenant. Prints what the archive holds, a line
 * per table and a summary; exit 0 when imported, 2 when refused before anything was written, 3 when it failed
 * (rolled back: nothing of the new tenant is left).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Restores a tenant archive into a NEW tenant, in this database or another one: created at the"
        + " archive's versions, its rows copied in, then migrated to this build's versions; all or nothing. Under"
        + " another id than the archive's, credentials are re-sealed with --secret-keyset.")
final class TenantsImportCommand extends DatabaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "the archive (written by tenants export)")
  Path file;

  @Option(names = "--as", required = true, paramLabel = "TENANT",
      description = "the new tenant's id; it must not exist in this database")
  TenantId as;

  @Option(names = "--status", paramLabel = "STATUS",
      description = "ACTIVE or SUSPENDED (default: the status it had when exported)")
  String status;

  @Override
  public Integer call() {
    Path archive = file.toAbsolutePath();
    if (!Files.isRegularFile(archive)) {
      spec.commandLine().getErr().println("error: FILE: " + archive + " is not a file");
      return 2;
    }
    Optional<TenantStatus> wanted;
    try {
      wanted = Optional.ofNullable(status).map(s -> TenantStatus.valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: --status: must be ACTIVE or SUSPENDED, got '" + status + "'");
      return 2;
    }
    return ArchiveLines.exitCode(spec.commandLine().getErr(), () -> withInjector(injector -> {
      ImportTenantUseCase use = injector.getInstance(ImportTenantUseCase.class);
      TenantArchive.Contents contents = use.describe(archive);
      out().printf(Locale.ROOT, "importing tenant %d's archive (exported %s, %s; %s; %d tables, %,d rows, %s) as"
          + " tenant %d%n", contents.source().value(), contents.exportedAt(), contents.status(),
          ArchiveLines.versions(contents.versions()), contents.tables().size(), contents.rows(),
          ArchiveLines.size(contents.bytes()), as.value());
      TenantArchive.Summary summary = use.importTenant(new ImportTenantCommand(archive, as, wanted),
          new ArchiveLines(out()));
      out().printf(Locale.ROOT, "imported as tenant %d (%s): %d tables, %,d rows, %s, in %s; tracks %s; %s%n",
          as.value(), summary.status(), contents.tables().size(), contents.rows(), ArchiveLines.size(contents.bytes()),
          ArchiveLines.seconds(summary.duration()), ArchiveLines.versions(contents.versions(), summary.versions()),
          as.equals(contents.source()) ? contents.sealedSecrets() + " credential(s) copied as sealed"
              : summary.secretsResealed() + " credential(s) re-sealed for tenant " + as.value());
      return 0;
    }));
  }
}
