package io.crosslist.application.suggestion.port.in;

import io.crosslist.domain.Violations;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.SuggestionRun;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * In-port: suggests for many products in the background, as one job of the normal job engine ({@code
 * <marketplace> SUGGEST_LISTINGS}), whose progress and report the jobs API shows.
 */
public interface SuggestListingsUseCase {

  /**
   * Enqueues the job with its product list (the products given, or the tenant's live products of {@code status},
   * newest first, at most {@link SuggestionRun#MAX_PRODUCTS}).
   *
   * @throws io.crosslist.domain.ValidationException on {@code productIds} when none is selected or an id names no
   *     live product, or on {@code marketplace} when no handler serves it here
   */
  MarketplaceJob start(SuggestListingsCommand command);

  /**
   * @param products the products, each once; or null to select by {@code status}
   * @param status selects the live products in that status when {@code products} is null
   * @param fields the fields wanted; all when empty
   */
  record SuggestListingsCommand(TenantId tenant, Marketplace marketplace, List<ProductId> products,
      ProductStatus status, Set<SuggestionField> fields) {
    public SuggestListingsCommand {
      Objects.requireNonNull(tenant, "tenant");
      products = products == null ? null : List.copyOf(products);
      fields = fields == null || fields.isEmpty() ? SuggestionField.all() : Set.copyOf(fields);
      Violations v = new Violations();
      v.require(marketplace != null, "marketplace", "is required");
      v.require((products == null) != (status == null), "productIds", "give either productIds or status, not both");
      if (products != null) {
        v.require(!products.isEmpty() && products.size() <= SuggestionRun.MAX_PRODUCTS, "productIds",
            "must hold 1 to " + SuggestionRun.MAX_PRODUCTS + " ids");
        v.require(products.stream().distinct().count() == products.size(), "productIds", "must name each product once");
      }
      v.throwIfAny();
    }
  }
}
