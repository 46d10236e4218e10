package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import com.google.inject.Guice;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase.ResealRequest;
import io.crosslist.application.connection.port.in.ResealSecretsUseCase.ResealRun;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.connection.ResealScope;
import io.crosslist.domain.tenant.TenantId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crosslist reseal}: re-encrypts every tenant's stored credentials with the keyset's primary key
 * (key rotation) or encrypts legacy plaintext, puts the connected-accounts index in step for every row it
 * locks, and prints the counts. Exit 0 when nothing in scope is left and no secret is plaintext, 3 when
 * some secrets could not be rewritten (they are listed) or plaintext is left (the line says what to run).
 */
@Command(name = "reseal", mixinStandardHelpOptions = true,
    description = "Re-encrypts stored marketplace credentials with the current key (rotation) or encrypts plaintext.")
final class ResealCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOption database;

  @Mixin
  ConfigOption config;

  @Option(names = "--scope", defaultValue = "OLD_KEYS",
      description = "OLD_KEYS (rotation) or PLAINTEXT (legacy import); default OLD_KEYS")
  ResealScope scope;

  @Option(names = "--after", description = "resume after this tenant id (the last tenant a stopped run printed)")
  TenantId after;

  @Option(names = "--max-tenants", defaultValue = "0", description = "stop after this many tenants (default 0: all)")
  int maxTenants;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ResealRequest request = new ResealRequest(scope, after, maxTenants, 500); // validated here, before connecting
    try (Database db = database.open(); PersistenceModule persistence = new PersistenceModule(db.settings())) {
      ResealRun run = Guice.createInjector(persistence, new CrosslistModule()).getInstance(ResealSecretsUseCase.class)
          .reseal(request);
      ResealReport secrets = run.secrets();
      out.printf("reseal %s %s: %d tenants (last %s); secrets: %d scanned, %d rewritten, %d already current, %d"
              + " plaintext, %d on an old key, %d failed%n", scope, run.complete() ? "complete"
              : "stopped (resume with --after " + (run.lastTenant() == null ? "" : run.lastTenant().value()) + ")",
          run.tenants(), run.lastTenant(), secrets.scanned(), secrets.resealed(), secrets.alreadyCurrent(),
          secrets.plaintext(), secrets.onOldKey(), secrets.failed());
      if (run.plaintextLeft() > 0) {
        out.printf("  %d secrets are still stored in plaintext: run `crosslist reseal --scope PLAINTEXT`%n",
            run.plaintextLeft());
      }
      if (secrets.onOldKey() > 0) {
        out.printf("  %d secrets are on an old key: run `crosslist reseal --scope OLD_KEYS` before removing it%n",
            secrets.onOldKey());
      }
      secrets.failures().forEach(f -> out.println("  failed: " + f));
      // plaintext at rest is never a success, whichever scope this pass had
      return run.remaining() == 0 && run.plaintextLeft() == 0 ? 0 : 3;
    }
  }
}
