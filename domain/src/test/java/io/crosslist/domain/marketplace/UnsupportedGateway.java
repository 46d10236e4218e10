package io.crosslist.domain.marketplace;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A test's stand-in for one marketplace's API: every call fails with {@link UnsupportedOperationException}; a test
 * overrides only the calls it serves or observes, so a call it did not expect shows at once.
 */
public abstract class UnsupportedGateway implements MarketplaceGateway {
  private final Marketplace marketplace;

  protected UnsupportedGateway(Marketplace marketplace) {
    this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
  }

  @Override
  public Marketplace marketplace() {
    return marketplace;
  }

  @Override
  public ExternalListing createListing(TenantId account, String idempotencyKey, Product product) {
    throw unsupported("createListing");
  }

  @Override
  public void updateListing(TenantId account, String externalId, Product product) {
    throw unsupported("updateListing");
  }

  @Override
  public void deleteListing(TenantId account, String externalId) {
    throw unsupported("deleteListing");
  }

  @Override
  public CataloguePage catalogue(TenantId account, int page, int pageSize) {
    throw unsupported("catalogue");
  }

  @Override
  public ProductEnrichment enrich(TenantId account, Product product) {
    throw unsupported("enrich");
  }

  @Override
  public List<MarketplaceOrder> ordersSince(TenantId account, Instant since) {
    throw unsupported("ordersSince");
  }

  private UnsupportedOperationException unsupported(String call) {
    return new UnsupportedOperationException(marketplace + "." + call + " is not served by this test's gateway");
  }
}
