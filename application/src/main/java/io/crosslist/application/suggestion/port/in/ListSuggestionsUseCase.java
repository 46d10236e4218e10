package io.crosslist.application.suggestion.port.in;

import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.SuggestionStatus;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;

/** In-port: a product's suggestions, newest first. */
public interface ListSuggestionsUseCase {

  /**
   * @param status only suggestions in this status, or null for all
   * @throws io.crosslist.domain.product.ProductNotFoundException when there is no such live product
   */
  List<ListingSuggestion> list(TenantId tenant, ProductId product, SuggestionStatus status);
}
