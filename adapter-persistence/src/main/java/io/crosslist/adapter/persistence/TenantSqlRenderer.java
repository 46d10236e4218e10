package io.crosslist.adapter.persistence;

import io.crosslist.adapter.persistence.internal.tenancy.TenantLanguageDriver;
import io.crosslist.domain.tenant.TenantId;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one class that puts a tenant's schema into SQL text. Tenant SQL is written with a {@code
 * ${tenant}} prefix ({@code select title from ${tenant}.products}); {@link #render} replaces it with
 * the quoted schema of a {@link TenantId} ({@code "user_42"}) and refuses to return SQL that still
 * holds a placeholder, so such SQL never reaches PostgreSQL.
 *
 * <p>Mapper statements go through {@link TenantLanguageDriver}: MyBatis would otherwise substitute
 * {@code ${tenant}} itself with {@code String.valueOf} of a parameter, so the driver first {@linkplain
 * #hideFromMyBatis hides} the placeholder and this class renders the statement MyBatis produced. {@link
 * #needsTenant} and {@link #hideFromMyBatis} are public for that driver and the mapper checks (in the adapter's
 * internal packages); a host needs {@link #render} and {@link #quotedSchema} only.
 */
public final class TenantSqlRenderer {
  /** The only text substitution allowed in Crosslist SQL. */
  public static final String PLACEHOLDER = "${tenant}";

  /** What MyBatis sees instead of {@link #PLACEHOLDER}: private-use characters no SQL contains. */
  private static final String HIDDEN = "\uE000tenant\uE000";
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{[^}]*}?");

  private TenantSqlRenderer() {}

  /** The tenant's schema as a quoted identifier. Safe to quote as is: a schema name is {@code user_<digits>}. */
  public static String quotedSchema(TenantId tenant) {
    return '"' + Objects.requireNonNull(tenant, "tenant").schemaName() + '"';
  }

  /**
   * Renders {@code template} for {@code tenant}.
   *
   * @throws UnresolvedTenantPlaceholderException when a {@code ${...}} other than {@code ${tenant}} is left
   */
  public static String render(String template, TenantId tenant) {
    String schema = quotedSchema(tenant);
    String sql = template.replace(HIDDEN, schema).replace(PLACEHOLDER, schema);
    requireNoPlaceholder(sql, "rendered SQL");
    return sql;
  }

  /** Whether {@code sql} still needs a tenant to be rendered. */
  public static boolean needsTenant(String sql) {
    return sql.contains(PLACEHOLDER) || sql.contains(HIDDEN);
  }

  /**
   * Replaces {@code ${tenant}} with a token MyBatis leaves alone, after checking that no other
   * {@code ${...}} is present.
   *
   * @param where names the statement in the error message
   */
  public static String hideFromMyBatis(String sqlText, String where) {
    Matcher m = SUBSTITUTION.matcher(sqlText);
    while (m.find()) {
      if (!m.group().equals(PLACEHOLDER)) {
        throw new UnresolvedTenantPlaceholderException(where + " uses " + m.group()
            + ": only ${tenant} may be substituted into SQL text; bind values with #{...}");
      }
    }
    return sqlText.replace(PLACEHOLDER, HIDDEN);
  }

  /** Fails when {@code sql} still holds a placeholder (tenant or other). */
  static void requireNoPlaceholder(String sql, String where) {
    if (sql.indexOf('$') < 0 && sql.indexOf('\uE000') < 0) {
      return; // the common case: nothing that could be a placeholder, no regex needed
    }
    if (sql.contains(HIDDEN) || sql.contains(PLACEHOLDER)) {
      throw new UnresolvedTenantPlaceholderException(where + " uses ${tenant} but no tenant was given");
    }
    Matcher m = SUBSTITUTION.matcher(sql);
    if (m.find()) {
      throw new UnresolvedTenantPlaceholderException(where + " holds the unresolved placeholder " + m.group());
    }
  }
}
