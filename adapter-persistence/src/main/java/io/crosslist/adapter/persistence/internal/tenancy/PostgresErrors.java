package io.crosslist.adapter.persistence.internal.tenancy;

import io.crosslist.adapter.persistence.UnresolvedTenantPlaceholderException;
import io.crosslist.domain.product.DuplicateSkuException;
import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import io.crosslist.application.port.out.DatabaseUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns the PostgreSQL errors that mean something to a caller into domain errors. */
public final class PostgresErrors {
  static final String UNDEFINED_TABLE = "42P01";
  static final String INVALID_SCHEMA_NAME = "3F000";
  static final String FOREIGN_KEY_VIOLATION = "23503";
  static final String UNIQUE_VIOLATION = "23505";
  /** Reference foreign keys are named {@code <table>_<field>_fk}, e.g. {@code products_brand_fk}. */
  private static final Pattern REFERENCE_FK = Pattern.compile("[a-z_]+?_([a-z]+)_fk");
  private static final Pattern SKU_DETAIL = Pattern.compile("Key \\(sku\\)=\\((.*)\\) already exists");
  private static final Pattern KEY_DETAIL = Pattern.compile("Key \\([^)]*\\)=\\((.*)\\) is not present");

  private PostgresErrors() {}

  /**
   * The domain or port error that {@code e} means for a statement of {@code tenant} (null for shared
   * tables), or {@code e} itself when it means nothing more to a caller.
   */
  static RuntimeException translate(RuntimeException e, TenantId tenant) {
    // MyBatis wraps what a statement throws; the renderer's refusal is reported as itself.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedTenantPlaceholderException | t instanceof DatabaseUnavailableException) {
        return (RuntimeException) t;
      }
    }
    DatabaseUnavailableException unavailable = unavailable(e);
    if (unavailable != null) {
      return unavailable;
    }
    PSQLException cause = psqlCause(e);
    if (cause == null || tenant == null) {
      return e;
    }
    String state = cause.getSQLState();
    ServerErrorMessage server = cause.getServerErrorMessage();
    String message = server == null || server.getMessage() == null ? "" : server.getMessage();
    // Only a missing *tenant* relation means "not provisioned"; an unqualified name that the
    // fail-closed search_path refused stays a loud error.
    if ((UNDEFINED_TABLE.equals(state) || INVALID_SCHEMA_NAME.equals(state))
        && message.contains('"' + tenant.schemaName() + '.')) {
      return new UnknownTenantException(tenant);
    }
    if (UNIQUE_VIOLATION.equals(state) && server != null && "products_sku".equals(server.getConstraint())) {
      Matcher key = SKU_DETAIL.matcher(server.getDetail() == null ? "" : server.getDetail());
      return new DuplicateSkuException(key.find() ? key.group(1) : "?");
    }
    if (FOREIGN_KEY_VIOLATION.equals(state) && server != null && server.getConstraint() != null) {
      Matcher fk = REFERENCE_FK.matcher(server.getConstraint());
      if (fk.matches()) {
        Matcher key = KEY_DETAIL.matcher(server.getDetail() == null ? "" : server.getDetail());
        return new UnknownReferenceException(fk.group(1), key.find() ? key.group(1) : "?");
      }
    }
    return e;
  }

  /**
   * {@code e} as a {@link DatabaseUnavailableException} when it says the database cannot serve now: a
   * connection failure (SQLState class 08), an administrator's or a crash's shutdown (57P01-57P03), too many
   * connections (53300), or the pool's timeout waiting for a connection ({@link SQLTransientConnectionException},
   * whose cause, when there is one, gives the SQLState); null otherwise.
   */
  public static DatabaseUnavailableException unavailable(Throwable e) {
    boolean poolTimeout = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseUnavailableException known) {
        return known;
      }
      poolTimeout |= t instanceof SQLTransientConnectionException;
      if (t instanceof SQLException s && s.getSQLState() != null && isUnavailable(s.getSQLState())) {
        return new DatabaseUnavailableException(s.getSQLState(), "database unavailable (SQLState " + s.getSQLState()
            + "): " + firstLine(s.getMessage()), e);
      }
    }
    return poolTimeout ? new DatabaseUnavailableException(null, "database unavailable: no pooled connection became"
        + " free within the pool's connection timeout", e) : null;
  }

  private static boolean isUnavailable(String state) {
    return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
        || state.equals("53300");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** Whether {@code e} is a unique violation of {@code constraint} (an index name for a unique index). */
  public static boolean isUniqueViolation(RuntimeException e, String constraint) {
    PSQLException cause = psqlCause(e);
    return cause != null && UNIQUE_VIOLATION.equals(cause.getSQLState()) && cause.getServerErrorMessage() != null
        && constraint.equals(cause.getServerErrorMessage().getConstraint());
  }

  private static PSQLException psqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PSQLException p) {
        return p;
      }
      if (t instanceof SQLException s && s.getNextException() instanceof PSQLException p) {
        return p;
      }
    }
    return null;
  }
}
