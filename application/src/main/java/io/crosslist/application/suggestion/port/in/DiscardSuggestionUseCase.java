package io.crosslist.application.suggestion.port.in;

import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.SuggestionId;
import io.crosslist.domain.tenant.TenantId;

/** In-port: the reseller discards a suggestion; the product is not changed. */
public interface DiscardSuggestionUseCase {

  /**
   * @throws io.crosslist.domain.suggestion.SuggestionNotFoundException when the product has no such suggestion
   * @throws io.crosslist.domain.suggestion.SuggestionConflictException when it was applied or discarded before
   */
  ListingSuggestion discard(TenantId tenant, ProductId product, SuggestionId suggestion);
}
