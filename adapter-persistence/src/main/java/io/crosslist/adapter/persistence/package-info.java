/**
 * The PostgreSQL persistence adapter. The only Crosslist code that knows about schemas, JDBC and
 * {@code search_path}.
 *
 * <p>Tenant SQL is written once with a {@code ${tenant}} schema prefix. {@link
 * io.crosslist.adapter.persistence.TenantSqlRenderer} is the one class that turns that placeholder
 * into the tenant's quoted schema, for mapper statements (through {@link
 * io.crosslist.adapter.persistence.internal.tenancy.TenantLanguageDriver}) and migration scripts alike. Pooled
 * connections carry a constant {@code search_path} that resolves no table, so SQL that forgets the
 * prefix fails instead of reading another schema. Embedders use {@link
 * io.crosslist.adapter.persistence.PersistenceModule}; everything else here is package-private.
 */
package io.crosslist.adapter.persistence;
