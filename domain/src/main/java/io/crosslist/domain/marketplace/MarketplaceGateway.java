package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Out-port: one marketplace's API, called with the reseller's account (the tenant). Calls may fail
 * with {@link MarketplaceException}; creating a listing is keyed by an idempotency key, so that a job
 * that runs again (at-least-once) does not list a product twice.
 */
public interface MarketplaceGateway {

  Marketplace marketplace();

  /** Lists {@code product}; a second call with the same key returns the first listing. */
  ExternalListing createListing(TenantId account, String idempotencyKey, Product product);

  void updateListing(TenantId account, String externalId, Product product);

  /** Removes a listing; removing one that is gone already is not an error. */
  void deleteListing(TenantId account, String externalId);

  /**
   * One page of the account's catalogue on the marketplace (for imports).
   *
   * @param page 1, 2, ...
   * @param pageSize 1 to 200
   */
  CataloguePage catalogue(TenantId account, int page, int pageSize);

  /** Suggestions that make a product's listing better (e.g. a description), for one product. */
  ProductEnrichment enrich(TenantId account, Product product);

  /** Orders placed on the marketplace since {@code since}, oldest first. */
  List<MarketplaceOrder> ordersSince(TenantId account, Instant since);
}
