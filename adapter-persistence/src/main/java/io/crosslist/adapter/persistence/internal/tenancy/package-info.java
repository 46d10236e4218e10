/**
 * Internal: the tenancy mechanism, the one path every statement of the persistence adapter takes. The pool split
 * into tenant lanes with a fail-closed {@code search_path} ({@link
 * io.crosslist.adapter.persistence.internal.tenancy.ConnectionLanes}, {@link
 * io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool}, {@link
 * io.crosslist.adapter.persistence.internal.tenancy.PoolerDefaults} behind a transaction pooler), the MyBatis
 * scripting language that renders {@code ${tenant}} through {@link
 * io.crosslist.adapter.persistence.TenantSqlRenderer} ({@link
 * io.crosslist.adapter.persistence.internal.tenancy.TenantLanguageDriver}), the unit of work that hands every
 * repository its session on the tenant's lane ({@link
 * io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork}), the same path for a host's mappers
 * ({@link io.crosslist.adapter.persistence.internal.tenancy.MyBatisTenantMappers}, checked at start by {@link
 * io.crosslist.adapter.persistence.internal.tenancy.MapperRules}), and the translation of PostgreSQL errors
 * ({@link io.crosslist.adapter.persistence.internal.tenancy.PostgresErrors}).
 *
 * <p>Not API: types here are public only so that the adapter's other packages (and MyBatis) can reach them.
 * Nothing outside {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in {@code
 * architecture-tests} enforces it); embedders use {@link io.crosslist.adapter.persistence.PersistenceModule}.
 */
package io.crosslist.adapter.persistence.internal.tenancy;
