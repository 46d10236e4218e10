/**
 * Internal: tenant archives, the fleet operation that moves one tenant between databases. {@link
 * io.crosslist.adapter.persistence.internal.archive.TenantArchiveStore} is the {@code TenantArchive} port: {@link
 * io.crosslist.adapter.persistence.internal.archive.ArchiveExport} writes a tenant's schema into a zip file
 * (binary COPY streams and a {@link io.crosslist.adapter.persistence.internal.archive.ArchiveManifest}), {@link
 * io.crosslist.adapter.persistence.internal.archive.ArchiveRestore} loads one into a new tenant after {@link
 * io.crosslist.adapter.persistence.internal.archive.ArchiveChecks} has compared it with this build's scripts; {@link
 * io.crosslist.adapter.persistence.internal.archive.TenantCatalog} reads a tenant schema's tables from PostgreSQL's
 * catalog, {@link io.crosslist.adapter.persistence.internal.archive.ArchiveSecrets} re-seals credentials for the
 * restored tenant.
 *
 * <p>Not API: types here are public only so that the adapter's other packages can reach them. Nothing outside
 * {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in {@code architecture-tests}
 * enforces it).
 */
package io.crosslist.adapter.persistence.internal.archive;
