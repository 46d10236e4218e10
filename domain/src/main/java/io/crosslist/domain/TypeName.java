package io.crosslist.domain;

import java.util.regex.Pattern;

/**
 * The one textual form of the names that identify a kind of marketplace work: a marketplace ({@code VINTED},
 * {@code DEPOP}) and a job action ({@code PUBLISH}, {@code REPRICE}). Crosslist ships some; a host adds its own.
 * A name is an upper-case ASCII letter followed by up to 39 upper-case ASCII letters, digits or underscores. The
 * tenant tables check the same form ({@code db/tenant/V11__open_job_types.sql}), and so does the HTTP API's
 * OpenAPI document ({@link #PATTERN}).
 */
public final class TypeName {
  /** The longest name. */
  public static final int MAX_LENGTH = 40;
  /** The form, as a regular expression anchored at both ends (Java and PostgreSQL read it alike). */
  public static final String PATTERN = "^[A-Z][A-Z0-9_]{0," + (MAX_LENGTH - 1) + "}$";
  /** The rule a refused name breaks, for error messages; it reads after the field's name. */
  public static final String RULE = "must be an upper-case ASCII letter followed by up to " + (MAX_LENGTH - 1)
      + " upper-case ASCII letters, digits or underscores, like EBAY or SYNC_ORDERS";
  private static final Pattern FORM = Pattern.compile(PATTERN);

  private TypeName() {}

  /** Whether {@code name} has the form (null has not). */
  public static boolean isValid(String name) {
    return name != null && FORM.matcher(name).matches();
  }

  /**
   * Returns {@code name} when it has the form.
   *
   * @throws ValidationException on {@code field}, naming the rule, when it has not
   */
  public static String require(String field, String name) {
    if (!isValid(name)) {
      throw ValidationException.of(field, RULE);
    }
    return name;
  }
}
