package io.crosslist.bootstrap;

import picocli.CommandLine.Option;

/** The database options every command that needs a database shares (a picocli mixin). */
final class DatabaseOption {

  @Option(names = "--jdbc-url", defaultValue = "${env:CROSSLIST_JDBC_URL}",
      description = "PostgreSQL JDBC URL (default: $CROSSLIST_JDBC_URL; when unset, an embedded PostgreSQL)")
  String jdbcUrl;

  @Option(names = "--secret-keyset", defaultValue = "${env:CROSSLIST_SECRET_KEYSET}",
      description = "Tink keyset (JSON, or @file) that encrypts marketplace credentials (default:"
          + " $CROSSLIST_SECRET_KEYSET; when unset, credentials cannot be stored)")
  String secretKeyset;

  /** Opens the configured database, or an embedded one when none is configured. */
  Database open() {
    return Database.open(jdbcUrl, secretKeyset);
  }
}
