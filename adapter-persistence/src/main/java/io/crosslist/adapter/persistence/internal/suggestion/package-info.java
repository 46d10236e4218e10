/**
 * Internal: the persistence of listing suggestions ({@code ${tenant}.listing_suggestions}, {@code
 * suggestion_runs}): {@link io.crosslist.adapter.persistence.internal.suggestion.MyBatisSuggestionRepository},
 * its mapper and row. Each mapper's SQL is in the XML file of the same name in this package's resource folder.
 * Every statement goes through {@link io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork}.
 *
 * <p>Not API: types here are public only so that {@link io.crosslist.adapter.persistence.PersistenceModule} can
 * bind them. Nothing outside {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in
 * {@code architecture-tests} enforces it).
 */
package io.crosslist.adapter.persistence.internal.suggestion;
