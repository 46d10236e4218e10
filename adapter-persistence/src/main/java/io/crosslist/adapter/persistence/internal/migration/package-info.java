/**
 * Internal: migrations and fleet operations. The shared schema's migrations and readiness ({@link
 * io.crosslist.adapter.persistence.internal.migration.SchemaMigrations}), the one runner of tenant migrations that
 * provisions and upgrades tenant schemas track by track ({@link
 * io.crosslist.adapter.persistence.internal.migration.TenantMigrations}, its SQL texts in {@link
 * io.crosslist.adapter.persistence.internal.migration.TenantScripts}, its reads of the registry in {@link
 * io.crosslist.adapter.persistence.internal.migration.TenantRegistry}), dropping a suspended tenant ({@link
 * io.crosslist.adapter.persistence.internal.migration.TenantRemover}), and the transaction and per-tenant lock
 * every schema change runs in ({@link io.crosslist.adapter.persistence.internal.migration.MigrationTransaction}).
 *
 * <p>Not API: types here are public only so that the adapter's other packages can reach them. Nothing outside
 * {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in {@code architecture-tests}
 * enforces it); a host adds its tenant tables with {@link io.crosslist.adapter.persistence.MigrationTrack}.
 */
package io.crosslist.adapter.persistence.internal.migration;
