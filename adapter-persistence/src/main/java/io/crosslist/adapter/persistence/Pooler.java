package io.crosslist.adapter.persistence;

/**
 * What stands between Crosslist's connection pool and PostgreSQL.
 *
 * <ul>
 *   <li>{@link #NONE} (the default): Crosslist's pool talks to PostgreSQL. Each connection carries the fail-closed
 *       {@code search_path} and the plan cache mode as startup parameters, prepares each statement on the server at
 *       its first use, and tenants keep to their connection lanes.
 *   <li>{@link #TRANSACTION}: a transaction pooler such as PgBouncer in {@code pool_mode = transaction}, which
 *       gives each transaction whichever server connection is free. Crosslist then sends no startup parameter a
 *       pooler refuses ({@code search_path}, {@code options}), prepares nothing on the server
 *       ({@code prepareThreshold=0}; with PgBouncer 1.21 or newer and {@code max_prepared_statements} set, a
 *       {@code prepareThreshold} in the JDBC URL wins), and keeps its guarantees as the role's defaults in the
 *       database ({@code ALTER ROLE ... IN DATABASE ... SET search_path / plan_cache_mode}), set at start when the
 *       role may and always read back. Tenant lanes are off: the pooler, not Crosslist, picks the server
 *       connection, so a lane cannot keep a tenant's schemas warm on one.
 * </ul>
 */
public enum Pooler {
  NONE,
  TRANSACTION
}
