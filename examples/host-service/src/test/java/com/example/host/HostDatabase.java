package com.example.host;

import io.crosslist.adapter.persistence.PersistenceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A scratch database for the host's tests on the PostgreSQL named by {@code CROSSLIST_TEST_JDBC_URL} (default: the
 * local server), created once per test JVM and dropped when it ends.
 */
final class HostDatabase {
  private static final String SERVER = System.getenv().getOrDefault("CROSSLIST_TEST_JDBC_URL",
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
  private static String url;

  private HostDatabase() {}

  static synchronized PersistenceSettings settings() {
    if (url == null) {
      String database = "host_example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      run("create database " + database);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> run("drop database if exists " + database
          + " with (force)")));
      int query = SERVER.indexOf('?');
      String base = query < 0 ? SERVER : SERVER.substring(0, query);
      url = base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : SERVER.substring(query));
    }
    return PersistenceSettings.forJdbcUrl(url).withMaximumPoolSize(6);
  }

  private static void run(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
