package io.crosslist.adapter.persistence;

import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns the PostgreSQL errors that mean something to a caller into domain errors. */
final class PostgresErrors {
  static final String UNDEFINED_TABLE = "42P01";
  static final String INVALID_SCHEMA_NAME = "3F000";
  static final String FOREIGN_KEY_VIOLATION = "23503";
  static final String UNIQUE_VIOLATION = "23505";
  /** Reference foreign keys are named {@code <table>_<field>_fk}, e.g. {@code products_brand_fk}. */
  private static final Pattern REFERENCE_FK = Pattern.compile("[a-z_]+?_([a-z]+)_fk");
  private static final Pattern KEY_DETAIL = Pattern.compile("Key \\([^)]*\\)=\\((.*)\\) is not present");

  private PostgresErrors() {}

  static RuntimeException translate(RuntimeException e, TenantId tenant) {
    // MyBatis wraps what a statement throws; the renderer's refusal is reported as itself.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedTenantPlaceholderException unresolved) {
        return unresolved;
      }
    }
    PSQLException cause = psqlCause(e);
    if (cause == null) {
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
    if (FOREIGN_KEY_VIOLATION.equals(state) && server != null && server.getConstraint() != null) {
      Matcher fk = REFERENCE_FK.matcher(server.getConstraint());
      if (fk.matches()) {
        Matcher key = KEY_DETAIL.matcher(server.getDetail() == null ? "" : server.getDetail());
        return new UnknownReferenceException(fk.group(1), key.find() ? key.group(1) : "?");
      }
    }
    return e;
  }

  /** Whether {@code e} is a unique violation of {@code constraint} (an index name for a unique index). */
  static boolean isUniqueViolation(RuntimeException e, String constraint) {
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
