package io.crosslist.application.suggestion.port.in;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** In-port: asks the suggester, now, for a product's title, description and attributes on some marketplaces. */
public interface SuggestListingUseCase {

  /**
   * Stores and returns one suggestion per marketplace, in the order asked; the product is not changed.
   *
   * @throws io.crosslist.domain.product.ProductNotFoundException when there is no such live product
   * @throws io.crosslist.domain.suggestion.SuggestionFailedException when the suggester fails for a marketplace
   *     (nothing is stored for any of them)
   */
  List<ListingSuggestion> suggest(SuggestListingCommand command);

  /**
   * @param marketplaces 1 to {@value #MAX_MARKETPLACES} marketplaces, each once
   * @param fields the fields wanted; all when empty
   */
  record SuggestListingCommand(TenantId tenant, ProductId product, List<Marketplace> marketplaces,
      Set<SuggestionField> fields) {
    public static final int MAX_MARKETPLACES = 10;

    public SuggestListingCommand {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(product, "product");
      marketplaces = marketplaces == null ? List.of() : List.copyOf(marketplaces);
      fields = fields == null || fields.isEmpty() ? SuggestionField.all() : Set.copyOf(fields);
      if (marketplaces.isEmpty() || marketplaces.size() > MAX_MARKETPLACES
          || marketplaces.stream().distinct().count() != marketplaces.size()) {
        throw ValidationException.of("marketplaces", "must name 1 to " + MAX_MARKETPLACES
            + " marketplaces, each once");
      }
    }
  }
}
