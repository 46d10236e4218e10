package io.crosslist.adapter.persistence.internal.tenancy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.Pooler;

/** Builds a HikariCP pool with Crosslist's connection settings; {@link ConnectionLanes} holds the pools in use. */
public final class ConnectionPool {
  /**
   * The constant {@code search_path} of every pooled connection: a schema Crosslist never creates, so
   * an unqualified table name resolves to nothing and fails loudly instead of reaching a tenant's or
   * the shared schema (fail closed). Sent as a startup parameter: it is the session default, so it
   * also survives {@code RESET ALL} / {@code DISCARD ALL}.
   */
  static final String FAIL_CLOSED_SEARCH_PATH = "crosslist_no_tenant_selected";

  /**
   * Plan caching for schema-per-tenant SQL. Every tenant statement names its schema, so its text is one of
   * thousands and a connection sees each text a few times an hour, never the dozen times it takes PgJDBC
   * ({@code prepareThreshold} 5) and PostgreSQL (5 custom plans) to start reusing a plan: every execution
   * was parsed and planned, a third of the jobs engine's server time (docs/lab-journal.md). So each text is
   * prepared on the server at its first use and planned once, generically. Tenant tables have the same
   * shape and similar sizes, which is what a generic plan assumes. Behind a PgBouncer older than 1.21 in
   * transaction mode, which cannot keep prepared statements, put {@code prepareThreshold=0} in the URL.
   */
  static final java.util.Map<String, String> PLAN_CACHING = java.util.Map.of(
      "prepareThreshold", "1",
      "options", "-c plan_cache_mode=force_generic_plan");

  private ConnectionPool() {}

  /** One pool of {@code settings.maximumPoolSize()} connections. */
  public static HikariDataSource open(PersistenceSettings settings) {
    return open(settings, "crosslist", settings.maximumPoolSize());
  }

  public static HikariDataSource open(PersistenceSettings settings, String name, int size) {
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
    config.addDataSourceProperty("ApplicationName", "crosslist");
    if (settings.pooler() == Pooler.TRANSACTION) {
      // Behind a transaction pooler: no startup parameter it refuses, nothing prepared on the server (a server
      // connection serves another client next); the fail-closed search_path and the plan cache mode are the
      // role's defaults in the database instead (PoolerDefaults). A prepareThreshold in the URL wins.
      config.addDataSourceProperty("prepareThreshold", "0");
      return new HikariDataSource(config);
    }
    // PgJDBC sends currentSchema as the search_path startup parameter of each new connection.
    config.addDataSourceProperty("currentSchema", FAIL_CLOSED_SEARCH_PATH);
    // One SQL text per tenant and statement: keep enough of them prepared per connection.
    config.addDataSourceProperty("preparedStatementCacheQueries", "2048");
    config.addDataSourceProperty("preparedStatementCacheSizeMiB", "16");
    // Plan each of those texts once per connection (see PLAN_CACHING); a parameter in the URL wins over these.
    PLAN_CACHING.forEach(config::addDataSourceProperty);
    return new HikariDataSource(config);
  }

  /**
   * A statement that PostgreSQL does not keep prepared: for DDL and other text run once (migrations,
   * provisioning). The pool's connections prepare statements at their first use, which is right for the
   * repositories' few statements run again and again, but each tenant's DDL is new text: kept prepared, every
   * backend would collect thousands of statements, and PostgreSQL walks all of them on each catalog change,
   * so creating the 500th tenant took 1.2 s instead of 0.07 s (measured).
   */
  public static java.sql.Statement oneShot(java.sql.Connection connection) throws java.sql.SQLException {
    java.sql.Statement statement = connection.createStatement();
    statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
    return statement;
  }
}
