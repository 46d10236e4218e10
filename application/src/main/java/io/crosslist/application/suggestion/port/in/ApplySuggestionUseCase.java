package io.crosslist.application.suggestion.port.in;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.suggestion.SuggestionId;
import io.crosslist.domain.tenant.TenantId;

/**
 * In-port: the reseller applies a suggestion: the product takes its fields, through the product update (version
 * check, validation, reference codes), and the suggestion becomes APPLIED, in one transaction.
 */
public interface ApplySuggestionUseCase {

  /**
   * @throws io.crosslist.domain.product.ProductNotFoundException when there is no such live product
   * @throws io.crosslist.domain.suggestion.SuggestionNotFoundException when the product has no such suggestion
   * @throws io.crosslist.domain.suggestion.SuggestionConflictException when it was applied or discarded before, or
   *     the product changed since it was made (STALE: nothing is written; ask for a new suggestion)
   * @throws io.crosslist.domain.product.UnknownReferenceException when a proposed attribute is not a known code
   * @throws io.crosslist.domain.product.ProductNotEditableException when the product is SOLD or ARCHIVED
   */
  Product apply(TenantId tenant, ProductId product, SuggestionId suggestion);
}
