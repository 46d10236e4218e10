package io.crosslist.adapter.marketplace.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The offline suggester: deterministic, within each marketplace's limits, from the product's own attributes. */
class OfflineListingSuggesterTest {
  private final OfflineListingSuggester suggester = new OfflineListingSuggester();

  private static Product product(String title, String description, String colour) {
    return Product.reconstitute(ProductId.of(1), new ProductDetails(title, description, Money.of("20.00", "EUR"),
        "levis", "mens-jeans", "very-good", "m", colour, 1, List.of()), ProductStatus.DRAFT, Instant.EPOCH,
        Instant.EPOCH, 0);
  }

  private SuggestedListing suggest(Product p, Marketplace m, Set<SuggestionField> fields) {
    return suggester.suggest(new ListingSuggester.Request(p, m, m.limits(), fields));
  }

  @Test
  void the_same_product_always_gets_the_same_suggestion() {
    Product p = product("501 straight jeans", "Barely worn.", "blue");
    SuggestedListing first = suggest(p, Marketplace.ETSY, SuggestionField.all());
    assertEquals(first, suggest(p, Marketplace.ETSY, SuggestionField.all()));
    assertEquals("Levis 501 straight jeans size M Blue", first.title());
    assertEquals("Barely worn.\n\nBrand: Levis\nCategory: Mens Jeans\nCondition: Very Good\nSize: M\nColour: Blue",
        first.description());
    assertEquals(Map.of("brand", "levis", "category", "mens-jeans", "condition", "very-good", "colour", "blue",
        "size", "m"), first.attributes());
    assertEquals("offline", first.source());
    assertEquals(TokenUsage.NONE, first.usage());
  }

  @Test
  void titles_are_cut_at_a_word_to_each_marketplaces_limit() {
    String longTitle = "Vintage high waisted selvedge denim jeans with button fly and original copper rivets from"
        + " the nineties in remarkable condition for their age";
    String composed = "Levis " + longTitle + " size M Blue";
    for (Marketplace m : List.of(Marketplace.EBAY, Marketplace.VINTED, Marketplace.ETSY, Marketplace.of("DEPOP"))) {
      SuggestedListing s = suggest(product(longTitle, "", "blue"), m, SuggestionField.all());
      assertTrue(s.title().length() <= m.limits().maxTitle(), m + ": " + s.title().length());
      assertTrue(composed.startsWith(s.title()), s.title());
      assertTrue(s.title().length() == composed.length() || composed.charAt(s.title().length()) == ' ',
          "cut at a word: " + s.title());
      assertEquals(s, s.fitting(m.limits(), SuggestionField.all()), "fits as it is");
    }
    assertEquals(composed, suggest(product(longTitle, "", "blue"), Marketplace.of("DEPOP"), SuggestionField.all())
        .title(), "a marketplace without limits of its own gets the product's 200");
    assertEquals(80, Marketplace.EBAY.limits().maxTitle());
  }

  @Test
  void only_the_fields_asked_for_are_proposed_and_a_colour_in_the_title_is_read() {
    SuggestedListing s = suggest(product("Black denim jacket", "", null), Marketplace.VINTED,
        Set.of(SuggestionField.ATTRIBUTES));
    assertNull(s.title());
    assertNull(s.description());
    assertEquals("black", s.attributes().get("colour"));
  }
}
