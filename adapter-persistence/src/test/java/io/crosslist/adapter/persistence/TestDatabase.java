package io.crosslist.adapter.persistence;

import io.crosslist.adapter.persistence.internal.tenancy.PoolerDefaults;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every test of one JVM runs against: a fresh database, created on first use and
 * dropped when the JVM exits. The server is, in order: {@code CROSSLIST_TEST_JDBC_URL} (environment
 * or system property; any database on the server, used to create the test database), a
 * Testcontainers PostgreSQL when a Docker engine answers, or an embedded PostgreSQL.
 */
public final class TestDatabase {
  public static final String URL_VARIABLE = "CROSSLIST_TEST_JDBC_URL";
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  private static TestDatabase instance;

  private final String jdbcUrl;
  private final String source;

  private TestDatabase(String serverUrl, String source, AutoCloseable server) throws SQLException {
    String database = "crosslist_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
      s.execute("create database " + database);
      if (behindPooler()) { // before the pooler opens any server connection to it (see PoolerDefaults)
        for (var setting : PoolerDefaults.REQUIRED.entrySet()) {
          s.execute("alter role current_user in database " + database + " set " + setting.getKey() + " = "
              + setting.getValue());
        }
      }
    }
    this.jdbcUrl = withDatabase(serverUrl, database);
    this.source = source;
    LOG.info("tests use database {} on {}", database, source);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      } catch (SQLException e) {
        System.err.println("could not drop test database " + database + ": " + e.getMessage());
      }
      if (server != null) {
        try {
          server.close();
        } catch (Exception e) {
          System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
        }
      }
    }, "drop-test-database"));
  }

  /** The database of this JVM, created on first call. */
  public static synchronized TestDatabase get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (Exception e) {
        throw new IllegalStateException("no PostgreSQL for tests: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  private static TestDatabase start() throws Exception {
    String configured = System.getProperty(URL_VARIABLE, System.getenv(URL_VARIABLE));
    if (configured != null && !configured.isBlank()) {
      return new TestDatabase(configured, URL_VARIABLE, null);
    }
    if (dockerAnswers()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
      container.start();
      String url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
          + "user=" + container.getUsername() + "&password=" + container.getPassword();
      return new TestDatabase(url, "Testcontainers", container::stop);
    }
    EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
    return new TestDatabase(embedded.getJdbcUrl("postgres", "postgres"), "embedded PostgreSQL", embedded);
  }

  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** {@code url} with its database path replaced by {@code database}. */
  static String withDatabase(String url, String database) {
    int hostStart = url.indexOf("//");
    if (hostStart < 0) {
      throw new IllegalArgumentException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db, got " + url);
    }
    int pathStart = url.indexOf('/', hostStart + 2);
    int query = url.indexOf('?', hostStart + 2);
    String params = query < 0 ? "" : url.substring(query);
    String hostPart = url.substring(0, pathStart >= 0 && (query < 0 || pathStart < query) ? pathStart
        : (query < 0 ? url.length() : query));
    return hostPart + "/" + database.toLowerCase(Locale.ROOT) + params;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Where the server came from, for logs. */
  public String source() {
    return source;
  }

  /** Settings for this database, with this run's secret keyset (and the pooler mode when tests run behind one). */
  public PersistenceSettings settings() {
    return pooled(PersistenceSettings.forJdbcUrl(jdbcUrl).withSecretKeyset(KEYSET));
  }

  /** {@code settings} in the pooler mode of this test run. */
  public static PersistenceSettings pooled(PersistenceSettings settings) {
    return behindPooler() ? settings.withPooler(Pooler.TRANSACTION) : settings;
  }

  /** The variable that says the tests' URL goes through a transaction pooler ({@code transaction}). */
  public static final String POOLER_VARIABLE = "CROSSLIST_TEST_POOLER";

  /**
   * Whether these tests run behind a transaction pooler ({@code CROSSLIST_TEST_POOLER=transaction}, set by the
   * build's through-pooler pass): tests of what only a direct connection has (startup parameters, server-side
   * prepared statements, lanes) say so and are skipped there.
   */
  public static boolean behindPooler() {
    return "transaction".equalsIgnoreCase(System.getProperty(POOLER_VARIABLE, System.getenv(POOLER_VARIABLE)));
  }

  /** A keyset made for this test run: credentials stored by the tests are encrypted with it. */
  public static final String KEYSET = TinkSecretCipher.newJsonKeyset();

  /** A plain connection (no pool, no fail-closed search_path), for assertions that look behind the adapter. */
  public Connection connect() throws SQLException {
    return connect(jdbcUrl);
  }

  /**
   * A plain connection to {@code url}. Behind a transaction pooler it prepares nothing on the server: PgJDBC would
   * otherwise name statements ({@code S_1}, even for {@code COMMIT}) that another client's server connection
   * already holds.
   */
  public static Connection connect(String url) throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    if (behindPooler()) {
      properties.setProperty("prepareThreshold", "0");
    }
    return DriverManager.getConnection(url, properties);
  }
}
