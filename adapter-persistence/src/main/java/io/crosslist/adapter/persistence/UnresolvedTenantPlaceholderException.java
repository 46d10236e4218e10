package io.crosslist.adapter.persistence;

/**
 * Tenant SQL that cannot be rendered: a {@code ${...}} other than {@code ${tenant}}, or {@code
 * ${tenant}} with no tenant to render. Thrown before the statement reaches PostgreSQL.
 */
public final class UnresolvedTenantPlaceholderException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public UnresolvedTenantPlaceholderException(String message) {
    super(message);
  }
}
