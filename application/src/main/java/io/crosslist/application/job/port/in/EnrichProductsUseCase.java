package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/**
 * In-port: enqueues an ENRICH_PRODUCTS job for the products named, whatever their status and description (each gets
 * the marketplace's description), instead of the default of every draft without a description. The ids are stored
 * with the job as its steps, one per product: a retried job resumes after the products it did. A product that does not
 * exist in the tenant (or was deleted) is reported as {@code not-found} in the job's result, the others are done.
 *
 * <pre>{@code
 * MarketplaceJob job = enrich.enrich(tenant, Marketplace.EBAY, List.of(ProductId.of(12), ProductId.of(14)), null);
 * }</pre>
 */
public interface EnrichProductsUseCase {
  /** Most products one job names. */
  int MAX_PRODUCTS = 1_000;

  /**
   * @param products 1 to {@value #MAX_PRODUCTS} distinct product ids
   * @param idempotencyKey enqueuing the same key twice yields the first job (its products unchanged), or null
   * @throws io.crosslist.domain.ValidationException naming {@code productIds} when the list is empty, too long or
   *     repeats an id, or {@code marketplace} when no handler serves its ENRICH_PRODUCTS
   */
  MarketplaceJob enrich(TenantId tenant, Marketplace marketplace, List<ProductId> products, String idempotencyKey);
}
