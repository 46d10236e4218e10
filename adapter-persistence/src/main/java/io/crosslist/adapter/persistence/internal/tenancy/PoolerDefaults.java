package io.crosslist.adapter.persistence.internal.tenancy;

import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behind a transaction pooler, the session settings Crosslist otherwise sends as startup parameters live as the
 * role's defaults in the database, which every server connection the pooler opens starts with: the fail-closed
 * {@code search_path} and the plan cache mode. At start this sets them when they are missing and the role may
 * (a role may always set its own defaults), then reads them back; a role that may not gets one error naming the
 * statements to run.
 */
public final class PoolerDefaults {
  private static final Logger LOG = LoggerFactory.getLogger(PoolerDefaults.class);
  /** The defaults every server connection must start with, by setting name. */
  public static final Map<String, String> REQUIRED = defaults();

  private PoolerDefaults() {}

  private static Map<String, String> defaults() {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("search_path", ConnectionPool.FAIL_CLOSED_SEARCH_PATH);
    required.put("plan_cache_mode", "force_generic_plan");
    return java.util.Collections.unmodifiableMap(required);
  }

  /**
   * @throws IllegalStateException when the defaults are missing and cannot be set, naming the statements to run
   */
  public static void ensure(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      Map<String, String> missing = missing(c);
      if (missing.isEmpty()) {
        String current = single(c, "select current_setting('search_path')");
        if (!current.equals(ConnectionPool.FAIL_CLOSED_SEARCH_PATH)) {
          LOG.warn("behind a transaction pooler: this server connection's search_path is {}, not the role's default {}:"
              + " it started before the default was set, or a client of the pool changed it. Recycle the pooler's"
              + " server connections (PgBouncer: RECONNECT on its console, or server_lifetime), and let no client of"
              + " a shared pool SET search_path (or set server_reset_query_always = 1)", current,
              ConnectionPool.FAIL_CLOSED_SEARCH_PATH);
        }
        return;
      }
      String role = single(c, "select current_user");
      String database = single(c, "select current_database()");
      try (Statement st = c.createStatement()) {
        for (Map.Entry<String, String> setting : missing.entrySet()) {
          st.execute(statement(role, database, setting.getKey(), setting.getValue()));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("behind a transaction pooler, every server connection must start with "
            + missing + ", as the defaults of role " + role + " in database " + database + "; setting them failed ("
            + e.getMessage() + "): run as a role that may, then start again: " + statements(role, database, missing),
            e);
      }
      Map<String, String> still = missing(c);
      if (!still.isEmpty()) {
        throw new IllegalStateException("the defaults of role " + role + " in database " + database
            + " do not read back as set: " + still + "; run " + statements(role, database, still));
      }
      LOG.warn("behind a transaction pooler: set the defaults of role {} in database {}: {}. Every new server"
          + " connection starts with them; those the pooler opened before keep the old values until they are"
          + " recycled (PgBouncer: RECONNECT on its console, or server_lifetime)", role, database, missing);
    } catch (SQLException e) {
      throw TenantMigrations.failure("reading the role's defaults", e);
    }
  }

  /** The required settings not among the role's defaults in this database (or the role's everywhere). */
  static Map<String, String> missing(Connection c) throws SQLException {
    Map<String, String> missing = new LinkedHashMap<>(REQUIRED);
    try (PreparedStatement ps = c.prepareStatement("select unnest(s.setconfig) from pg_db_role_setting s"
        + " where s.setrole = (select oid from pg_roles where rolname = current_user)"
        + " and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String entry = rs.getString(1);
        int eq = entry.indexOf('=');
        String name = entry.substring(0, eq);
        if (Objects.equals(missing.get(name), entry.substring(eq + 1))) {
          missing.remove(name);
        }
      }
    }
    return missing;
  }

  private static String statements(String role, String database, Map<String, String> settings) {
    StringBuilder sql = new StringBuilder();
    settings.forEach((name, value) -> sql.append(statement(role, database, name, value)).append("; "));
    return sql.toString().trim();
  }

  private static String statement(String role, String database, String name, String value) {
    return "ALTER ROLE " + identifier(role) + " IN DATABASE " + identifier(database) + " SET " + name + " = " + value;
  }

  private static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String single(Connection c, String query) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
