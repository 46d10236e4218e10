package io.crosslist.domain.tenant;

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
   * Parses a tenant id given as text (a token claim, a CLI argument).
   *
   * @throws InvalidTenantIdException naming the rule when the text is not a positive decimal integer
   */
  public static TenantId parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidTenantIdException("tenant id is required");
    }
    String trimmed = text.strip();
    if (!trimmed.chars().allMatch(c -> c >= '0' && c <= '9') || trimmed.length() > 18) {
      throw new InvalidTenantIdException(
          "tenant id must be a positive decimal integer of at most 18 digits, got '" + abbreviate(trimmed) + "'");
    }
    return new TenantId(Long.parseLong(trimmed));
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

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
