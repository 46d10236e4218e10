package io.crosslist.bootstrap;

import io.crosslist.adapter.persistence.PersistenceSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database a command runs on: the configured JDBC URL ({@code --jdbc-url} or {@code
 * CROSSLIST_JDBC_URL}), or, when none is configured, an embedded PostgreSQL started for the run.
 */
final class Database implements AutoCloseable {
  static final String URL_VARIABLE = "CROSSLIST_JDBC_URL";
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final PersistenceSettings settings;
  private final EmbeddedPostgres embedded;
  private final String description;

  private Database(PersistenceSettings settings, EmbeddedPostgres embedded, String description) {
    this.settings = settings;
    this.embedded = embedded;
    this.description = description;
  }

  /** Names the Tink keyset (JSON) that encrypts marketplace credentials at rest: the text itself, or @path to a file. */
  static final String KEYSET_VARIABLE = "CROSSLIST_SECRET_KEYSET";

  static Database open(String configuredUrl) {
    if (configuredUrl != null && !configuredUrl.isBlank()) {
      return new Database(withKeyset(PersistenceSettings.forJdbcUrl(configuredUrl)), null, redact(configuredUrl));
    }
    try {
      Path dataDirectory = Files.createTempDirectory("crosslist-pg-");
      LOG.info("no {} configured: starting an embedded PostgreSQL in {} (removed at exit)", URL_VARIABLE,
          dataDirectory);
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true)
          .start();
      return new Database(withKeyset(PersistenceSettings.forJdbcUrl(pg.getJdbcUrl("postgres", "postgres"))), pg,
          "embedded PostgreSQL in " + dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** {@code settings} with the keyset {@link #KEYSET_VARIABLE} names, if it is set. */
  static PersistenceSettings withKeyset(PersistenceSettings settings) {
    String keyset = System.getenv(KEYSET_VARIABLE);
    if (keyset == null || keyset.isBlank()) {
      return settings;
    }
    if (keyset.startsWith("@")) {
      try {
        keyset = Files.readString(Path.of(keyset.substring(1)));
      } catch (IOException e) {
        throw new IllegalArgumentException(KEYSET_VARIABLE + ": cannot read " + keyset.substring(1) + " ("
            + e.getMessage() + ")", e);
      }
    }
    return settings.withSecretKeyset(keyset);
  }

  PersistenceSettings settings() {
    return settings;
  }

  String description() {
    return description;
  }

  /** The URL without a password parameter, for logs. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("could not stop the embedded PostgreSQL: {}", e.getMessage());
      }
    }
  }
}
