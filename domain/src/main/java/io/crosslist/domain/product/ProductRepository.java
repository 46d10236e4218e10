package io.crosslist.domain.product;

import io.crosslist.domain.Page;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Out-port: a tenant's products. Every call names the tenant explicitly; an implementation reads and
 * writes only that tenant's data. Soft-deleted products are invisible to every method.
 *
 * @throws io.crosslist.domain.tenant.UnknownTenantException from any method when the tenant is not provisioned
 */
public interface ProductRepository {

  Optional<Product> findById(TenantId tenant, ProductId id);

  /**
   * The live products holding any of {@code skus}, by SKU; SKUs no live product holds are absent. One round
   * trip for the whole collection (an import looks a page of rows up at once).
   */
  Map<String, Product> findBySkus(TenantId tenant, Collection<String> skus);

  /**
   * Stores a new product (one with no id yet).
   *
   * @return the stored product, with its id and version 0
   * @throws UnknownReferenceException when a reference code does not exist
   * @throws DuplicateSkuException when another live product has its SKU
   */
  Product add(TenantId tenant, Product product);

  /**
   * Stores a changed product if its stored version is still {@code product.version()}.
   *
   * @return the stored product with the next version
   * @throws io.crosslist.domain.ConcurrentUpdateException when the version moved on or the product was
   *     deleted; nothing is written
   * @throws UnknownReferenceException when a reference code does not exist
   * @throws DuplicateSkuException when another live product has its SKU
   */
  Product update(TenantId tenant, Product product);

  /** Marks a product deleted; false when there was no live product with this id. */
  boolean softDelete(TenantId tenant, ProductId id, Instant at);

  /** One page of live products matching {@code search}, newest first. */
  Page<Product> search(TenantId tenant, ProductSearch search);

  /**
   * Soft-deletes the drafts whose last update is older than {@code cutoff}: the abandoned-draft
   * clean-up, done in one statement.
   *
   * @return how many drafts were deleted
   */
  int softDeleteDraftsNotUpdatedSince(TenantId tenant, Instant cutoff, Instant at);
}
