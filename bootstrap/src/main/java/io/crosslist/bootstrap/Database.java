package io.crosslist.bootstrap;

import io.crosslist.adapter.persistence.PersistenceSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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

  /**
   * @param configuredUrl the JDBC URL; null or blank for an embedded PostgreSQL
   * @param keyset the Tink keyset (JSON) that encrypts credentials at rest, or {@code @path} to a file
   *     holding it; null when none is configured
   * @param dataDirectory where the embedded PostgreSQL keeps its data (kept across runs: an existing
   *     cluster is reused, a missing one is created); null for a temporary directory removed at exit
   */
  static Database open(String configuredUrl, String keyset, Path dataDirectory) {
    if (configuredUrl != null && !configuredUrl.isBlank()) {
      PersistenceSettings settings = withKeyset(PersistenceSettings.forJdbcUrl(configuredUrl), keyset); // the rules first
      requireReachable(configuredUrl);
      return new Database(settings, null, redact(configuredUrl));
    }
    boolean throwaway = dataDirectory == null;
    try {
      Path directory = throwaway ? Files.createTempDirectory("crosslist-pg-") : dataDirectory.toAbsolutePath();
      Files.createDirectories(directory);
      boolean existing = Files.exists(directory.resolve("PG_VERSION"));
      LOG.info("no {} configured: {} embedded PostgreSQL in {}{}", URL_VARIABLE, existing ? "reusing the" : "creating an",
          directory, throwaway ? " (removed at exit)" : "");
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(throwaway)
          .start();
      return new Database(withKeyset(PersistenceSettings.forJdbcUrl(pg.getJdbcUrl("postgres", "postgres")), keyset),
          pg, "embedded PostgreSQL in " + directory + (throwaway ? " (temporary)" : existing ? " (existing data)"
          : " (new; kept for the next run)"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * This database through {@code pooler}.
   *
   * @throws IllegalArgumentException naming {@code --pooler} for the embedded PostgreSQL, which has no pooler
   */
  Database withPooler(io.crosslist.adapter.persistence.Pooler pooler) {
    if (pooler == io.crosslist.adapter.persistence.Pooler.NONE) {
      return this;
    }
    if (embedded != null) {
      close();
      throw new IllegalArgumentException(ConfigDefaults.describe("--pooler") + ": " + pooler.name().toLowerCase(
          java.util.Locale.ROOT) + " needs --jdbc-url pointing at the pooler; the embedded PostgreSQL has none");
    }
    return new Database(settings.withPooler(pooler), null, description + " through a transaction pooler");
  }

  /** This database with Citus's schema placement {@code mode} (inactive, with a warning, without the extension). */
  Database withCitus(io.crosslist.adapter.persistence.CitusSchemas.Mode mode) {
    return mode == settings.citus() ? this : new Database(settings.withCitus(mode), embedded, description);
  }

  /**
   * Connects once before anything is built on the URL, so that a wrong URL, a database that does not exist
   * or a server that is down is one line naming {@code --jdbc-url}, not a failure deep inside the pool.
   */
  private static void requireReachable(String url) {
    try (Connection ignored = DriverManager.getConnection(url)) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalArgumentException(ConfigDefaults.describe("--jdbc-url") + ": cannot connect to "
          + redact(url) + ": " + e.getMessage());
    }
  }

  /** {@code ~/.crosslist/postgres}: where the embedded PostgreSQL keeps its data unless told otherwise. */
  static Path defaultDataDirectory() {
    return Path.of(System.getProperty("user.home"), ".crosslist", "postgres");
  }

  /** {@code settings} with {@code keyset} (JSON, or {@code @path}), if one is given. */
  static PersistenceSettings withKeyset(PersistenceSettings settings, String keyset) {
    if (keyset == null || keyset.isBlank()) {
      return settings;
    }
    return settings.withSecretKeyset(readKeyset(keyset));
  }

  /** The keyset JSON of {@code spec}: the text itself, or the content of the file {@code @path} names. */
  static String readKeyset(String spec) {
    if (!spec.startsWith("@")) {
      return spec;
    }
    try {
      return Files.readString(Path.of(spec.substring(1)));
    } catch (IOException e) {
      throw new IllegalArgumentException("secretKeyset: cannot read " + spec.substring(1) + " (" + e + ")", e);
    }
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
