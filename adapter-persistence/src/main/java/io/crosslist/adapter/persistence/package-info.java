/**
 * The PostgreSQL persistence adapter. The only Crosslist code that knows about schemas, JDBC and
 * {@code search_path}.
 *
 * <p>Tenant SQL is written once with a {@code ${tenant}} schema prefix. {@link
 * io.crosslist.adapter.persistence.TenantSqlRenderer} is the one class that turns that placeholder
 * into the tenant's quoted schema, for mapper statements (through {@link
 * io.crosslist.adapter.persistence.internal.tenancy.TenantLanguageDriver}) and migration scripts alike. Pooled
 * connections carry a constant {@code search_path} that resolves no table, so SQL that forgets the
 * prefix fails instead of reading another schema.
 *
 * <p>This package is the adapter's public surface: embedders use {@link
 * io.crosslist.adapter.persistence.PersistenceModule} with its {@link
 * io.crosslist.adapter.persistence.PersistenceSettings}, and a host extends it with its own tenant tables ({@link
 * io.crosslist.adapter.persistence.MigrationTrack}, {@link io.crosslist.adapter.persistence.MigrationScript}) and
 * mappers ({@link io.crosslist.adapter.persistence.TenantMappers}). Everything else is internal, in packages by
 * concern under {@code io.crosslist.adapter.persistence.internal}: {@code tenancy} (the mechanism every statement
 * goes through: lanes, pool, language driver, unit of work), {@code migration} and {@code archive} (the fleet's
 * schemas: migrations, provisioning, removal, export and restore), and one package per aggregate with its mapper,
 * rows and repository ({@code product}, {@code job}, {@code connection}, {@code conversation}, {@code
 * marketplace}, {@code suggestion}, {@code imports}, {@code schedule}, {@code tenant}). An ArchUnit rule ({@code
 * CrosslistArchitectureRules.persistence_internals_stay_inside_the_adapter}) keeps all code outside this adapter
 * off the internal packages.
 */
package io.crosslist.adapter.persistence;
