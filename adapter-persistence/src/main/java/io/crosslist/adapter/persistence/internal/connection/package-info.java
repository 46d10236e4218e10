/**
 * Internal: the persistence of marketplace connections ({@code ${tenant}.marketplace_connections} and the shared
 * {@code crosslist.connected_accounts}): {@link
 * io.crosslist.adapter.persistence.internal.connection.MyBatisConnectionRepository} with its secrets sealed by
 * the {@code SecretCipher} ({@link io.crosslist.adapter.persistence.internal.connection.StoredSecrets} inspects
 * and reseals them, {@link io.crosslist.adapter.persistence.internal.connection.UnconfiguredSecretCipher} stands
 * in when no keyset is configured). Each mapper's SQL is in the XML file of the same name in this package's
 * resource folder. Every statement goes through {@link
 * io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork}.
 *
 * <p>Not API: types here are public only so that {@link io.crosslist.adapter.persistence.PersistenceModule} can
 * bind them. Nothing outside {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in
 * {@code architecture-tests} enforces it).
 */
package io.crosslist.adapter.persistence.internal.connection;
