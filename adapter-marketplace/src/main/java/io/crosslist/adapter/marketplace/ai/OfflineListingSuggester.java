package io.crosslist.adapter.marketplace.ai;

import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default suggester: composes a listing from the product's own attributes, with no network and no model, so
 * the same product always gets the same suggestion. The title puts the brand first, then the product's title,
 * size and colour, cut at a word to the marketplace's limit; the description lists the attributes under the
 * product's own text; the attributes are the product's own, plus a colour or size read from the title when the
 * product has none (a title holding "black" proposes {@code colour=black}). Source {@value SuggestedListing#OFFLINE}.
 */
public final class OfflineListingSuggester implements ListingSuggester {
  private static final List<String> COLOURS = List.of("black", "white", "blue", "red", "green", "grey", "brown", "beige",
      "pink", "yellow");
  private static final List<String> SIZES = List.of("xs", "s", "m", "l", "xl", "xxl");

  @Override
  public SuggestedListing suggest(Request request) {
    ProductDetails d = request.product().details();
    String title = request.fields().contains(SuggestionField.TITLE) ? title(d, request.limits().maxTitle()) : null;
    String description = request.fields().contains(SuggestionField.DESCRIPTION)
        ? cut(description(d), request.limits().maxDescription()) : null;
    Map<String, String> attributes = request.fields().contains(SuggestionField.ATTRIBUTES) ? attributes(d) : Map.of();
    return new SuggestedListing(title, description, attributes, SuggestedListing.OFFLINE, TokenUsage.NONE);
  }

  private static String title(ProductDetails d, int max) {
    List<String> parts = new ArrayList<>();
    String own = d.title().strip();
    List<String> words = words(own);
    if (d.brand() != null && !words.contains(d.brand()) && !words.contains(label(d.brand()).toLowerCase(Locale.ROOT))) {
      parts.add(label(d.brand()));
    }
    parts.add(own);
    if (d.size() != null && !words.contains(d.size())) {
      parts.add("size " + d.size().toUpperCase(Locale.ROOT));
    }
    if (d.colour() != null && !words.contains(d.colour())) {
      parts.add(label(d.colour()));
    }
    return cut(String.join(" ", parts), max);
  }

  private static String description(ProductDetails d) {
    StringBuilder text = new StringBuilder();
    if (!d.description().isBlank()) {
      text.append(d.description().strip()).append("\n\n");
    }
    line(text, "Brand", d.brand());
    line(text, "Category", d.category());
    line(text, "Condition", d.condition());
    line(text, "Size", d.size() == null ? null : d.size().toUpperCase(Locale.ROOT));
    line(text, "Colour", d.colour());
    return text.toString().strip();
  }

  private static void line(StringBuilder text, String name, String code) {
    if (code != null) {
      text.append(name).append(": ").append(code.contains("-") || Character.isLowerCase(code.charAt(0))
          ? label(code) : code).append('\n');
    }
  }

  private static Map<String, String> attributes(ProductDetails d) {
    Map<String, String> found = new LinkedHashMap<>();
    found.put("category", d.category());
    found.put("condition", d.condition());
    if (d.brand() != null) {
      found.put("brand", d.brand());
    }
    if (d.size() != null) {
      found.put("size", d.size());
    }
    if (d.colour() != null) {
      found.put("colour", d.colour());
    }
    List<String> words = words(d.title());
    if (d.colour() == null) {
      words.stream().filter(COLOURS::contains).findFirst().ifPresent(c -> found.put("colour", c));
    }
    if (d.size() == null) {
      words.stream().filter(SIZES::contains).findFirst().ifPresent(s -> found.put("size", s));
    }
    return found;
  }

  private static List<String> words(String text) {
    return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+"));
  }

  /** {@code womens-shoes} as {@code Womens Shoes}. */
  static String label(String code) {
    StringBuilder label = new StringBuilder();
    for (String word : code.split("-")) {
      if (!word.isEmpty()) {
        label.append(label.length() > 0 ? " " : "").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return label.toString();
  }

  /** {@code text} cut at the last space within {@code max} code points (or hard, when a word is longer). */
  static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    String hard = text.substring(0, text.offsetByCodePoints(0, max));
    int space = hard.lastIndexOf(' ');
    return (space > max / 2 ? hard.substring(0, space) : hard).strip();
  }

  /** {@code offline}. */
  @Override
  public String toString() {
    return SuggestedListing.OFFLINE;
  }
}
