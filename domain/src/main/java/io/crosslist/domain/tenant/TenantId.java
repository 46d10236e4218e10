package io.crosslist.domain.tenant;

import io.crosslist.domain.CanonicalId;

/**
 * Identity of a tenant (a Crosslist user): a positive user id. It is the only source of a schema
 * name in Crosslist: {@link #schemaName()} is {@code user_<id>}, and no string from a request, a file
 * or a column ever becomes one.
 *
 * @param value the user id, positive
 */
public record TenantId(long value) implements Comparable<TenantId> {
  private static final String SCHEMA_PREFIX = "user_";

  public TenantId {
    if (value <= 0) {
      throw new InvalidTenantIdException("tenant id must be a positive integer, got " + value);
    }
  }

  public static TenantId of(long value) {
    return new TenantId(value);
  }

  /**
   * Parses a tenant id given as text (a token claim, a path, a body, a CLI argument, a configuration value):
   * the only way text becomes a tenant. It takes exactly one form, {@link CanonicalId}'s: {@code "42"} is
   * tenant 42; {@code " 42"}, {@code "+42"}, {@code "042"}, {@code "42.0"} and {@code "٤٢"} are refused, so two
   * different strings (two subjects of an identity provider) never name the same tenant.
   *
   * @throws InvalidTenantIdException naming the rule when the text is not in that form
   */
  public static TenantId parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidTenantIdException("tenant id is required");
    }
    return new TenantId(CanonicalId.parse(text).orElseThrow(() -> new InvalidTenantIdException(
        "tenant id " + CanonicalId.RULE + ", got '" + abbreviate(text) + "'")));
  }

  /** The unquoted PostgreSQL schema that holds this tenant's tables. */
  public String schemaName() {
    return SCHEMA_PREFIX + value;
  }

  @Override
  public int compareTo(TenantId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "tenant " + value;
  }

  /** At most 40 characters of a refused text, control characters escaped, so a message stays one safe line. */
  private static String abbreviate(String text) {
    StringBuilder shown = new StringBuilder();
    text.codePoints().limit(40).forEach(c -> {
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return text.codePointCount(0, text.length()) <= 40 ? shown.toString() : shown + "...";
  }
}
