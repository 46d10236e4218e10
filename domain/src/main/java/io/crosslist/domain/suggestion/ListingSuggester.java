package io.crosslist.domain.suggestion;

import io.crosslist.domain.marketplace.ListingLimits;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import java.util.Objects;
import java.util.Set;

/**
 * Out-port: proposes a title, a description and attributes for a product on a marketplace. Crosslist ships an
 * offline one (composed from the product's own attributes, the default) and one for the OpenAI-compatible
 * chat-completions protocol; a host may bind its own ({@code CrosslistModule.builder().suggester(...)}).
 *
 * <pre>{@code
 * final class AcmeSuggester implements ListingSuggester {
 *   public SuggestedListing suggest(Request request) {
 *     String title = request.product().details().title(); // keep within request.limits().maxTitle()
 *     return new SuggestedListing(title, null, Map.of(), "acme-rules", TokenUsage.NONE);
 *   }
 * }
 * }</pre>
 *
 * <p>It reads no tenant data and writes none: the application stores what it returns, as a suggestion.
 */
public interface ListingSuggester {

  /**
   * A proposal for {@code request}; only the fields asked for are kept, and they must fit the limits.
   *
   * @throws SuggestionFailedException when nothing can be proposed (the message never holds a credential)
   */
  SuggestedListing suggest(Request request);

  /**
   * What is asked for.
   *
   * @param product the product as it is now
   * @param marketplace where it is to be listed
   * @param limits the marketplace's title and description lengths
   * @param fields the fields wanted (never empty)
   */
  record Request(Product product, Marketplace marketplace, ListingLimits limits, Set<SuggestionField> fields) {
    public Request {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(marketplace, "marketplace");
      Objects.requireNonNull(limits, "limits");
      fields = Set.copyOf(fields);
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("a request asks for one field or more");
      }
    }
  }
}
