package io.crosslist.bootstrap;

import picocli.CommandLine.Option;

/** The {@code --jdbc-url} option every command that needs a database shares (a picocli mixin). */
final class DatabaseOption {

  @Option(names = "--jdbc-url", defaultValue = "${env:CROSSLIST_JDBC_URL}",
      description = "PostgreSQL JDBC URL (default: $CROSSLIST_JDBC_URL; when unset, an embedded PostgreSQL)")
  String jdbcUrl;

  /** Opens the configured database, or an embedded one when none is configured. */
  Database open() {
    return Database.open(jdbcUrl);
  }
}
