/**
 * Internal: the persistence of what Crosslist holds of each marketplace per tenant: listings ({@link
 * io.crosslist.adapter.persistence.internal.marketplace.MyBatisListingRepository}), orders ({@link
 * io.crosslist.adapter.persistence.internal.marketplace.MyBatisOrderRepository}) and poll cursors ({@link
 * io.crosslist.adapter.persistence.internal.marketplace.MyBatisPollCursorRepository}), with their mappers and
 * rows. Each mapper's SQL is in the XML file of the same name in this package's resource folder. Every statement
 * goes through {@link io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork}.
 *
 * <p>Not API: types here are public only so that {@link io.crosslist.adapter.persistence.PersistenceModule} can
 * bind them. Nothing outside {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in
 * {@code architecture-tests} enforces it).
 */
package io.crosslist.adapter.persistence.internal.marketplace;
