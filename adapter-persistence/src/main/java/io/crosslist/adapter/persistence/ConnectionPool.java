package io.crosslist.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds a HikariCP pool with Crosslist's connection settings; {@link ConnectionLanes} holds the pools in use. */
final class ConnectionPool {
  /**
   * The constant {@code search_path} of every pooled connection: a schema Crosslist never creates, so
   * an unqualified table name resolves to nothing and fails loudly instead of reaching a tenant's or
   * the shared schema (fail closed). Sent as a startup parameter: it is the session default, so it
   * also survives {@code RESET ALL} / {@code DISCARD ALL}.
   */
  static final String FAIL_CLOSED_SEARCH_PATH = "crosslist_no_tenant_selected";

  private ConnectionPool() {}

  /** One pool of {@code settings.maximumPoolSize()} connections. */
  static HikariDataSource open(PersistenceSettings settings) {
    return open(settings, "crosslist", settings.maximumPoolSize());
  }

  static HikariDataSource open(PersistenceSettings settings, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.username() != null) {
      config.setUsername(settings.username());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setAutoCommit(true);
    // PgJDBC sends currentSchema as the search_path startup parameter of each new connection.
    config.addDataSourceProperty("currentSchema", FAIL_CLOSED_SEARCH_PATH);
    config.addDataSourceProperty("ApplicationName", "crosslist");
    // One SQL text per tenant and statement: keep enough of them prepared per connection.
    config.addDataSourceProperty("preparedStatementCacheQueries", "2048");
    config.addDataSourceProperty("preparedStatementCacheSizeMiB", "16");
    return new HikariDataSource(config);
  }
}
