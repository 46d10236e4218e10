package io.crosslist.domain.suggestion;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.Violations;
import io.crosslist.domain.marketplace.ListingLimits;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a {@link ListingSuggester} proposes for a product on a marketplace: a title, a description and reference
 * attributes, each absent (null, or no attributes) when not proposed. Validated for its form when built; {@link
 * #fitting} checks it against a marketplace's limits and the fields asked for.
 *
 * @param title the proposed title, or null
 * @param description the proposed description, or null
 * @param attributes reference codes by attribute ({@link #ATTRIBUTE_NAMES}), in name order; empty when none
 * @param source who proposed it: {@code offline} or the model's name, 1 to 200 characters
 * @param usage the tokens the proposal cost
 */
public record SuggestedListing(String title, String description, Map<String, String> attributes, String source,
    TokenUsage usage) {
  /** The product attributes a suggestion may set, each a reference code. */
  public static final List<String> ATTRIBUTE_NAMES = List.of("brand", "category", "colour", "condition", "size");
  public static final String OFFLINE = "offline";
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public SuggestedListing {
    attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    usage = usage == null ? TokenUsage.NONE : usage;
    Violations v = new Violations();
    v.require(title == null || !title.isBlank(), "title", "must not be blank");
    v.require(description == null || !description.isBlank(), "description", "must not be blank");
    v.require(title == null || title.indexOf('\0') < 0, "title", "must not contain the NUL character");
    v.require(description == null || description.indexOf('\0') < 0, "description",
        "must not contain the NUL character");
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      String name = attribute.getKey();
      v.require(ATTRIBUTE_NAMES.contains(name), "attributes." + name, "is not an attribute; known: " + ATTRIBUTE_NAMES);
      v.require(attribute.getValue() != null && CODE.matcher(attribute.getValue()).matches(), "attributes." + name,
          "must be a reference code: lower-case letters, digits and '-', at most 64 characters");
    }
    v.require(source != null && !source.isBlank() && source.length() <= 200, "source", "must be 1 to 200 characters");
    v.throwIfAny();
  }

  /**
   * This proposal reduced to {@code asked}, checked against {@code limits}.
   *
   * @throws ValidationException naming each field that is too long, or {@code answer} when none of the fields asked
   *     for is proposed
   */
  public SuggestedListing fitting(ListingLimits limits, Set<SuggestionField> asked) {
    Set<SuggestionField> fields = asked.isEmpty() ? EnumSet.allOf(SuggestionField.class) : asked;
    String t = fields.contains(SuggestionField.TITLE) ? title : null;
    String d = fields.contains(SuggestionField.DESCRIPTION) ? description : null;
    Map<String, String> a = fields.contains(SuggestionField.ATTRIBUTES) ? attributes : Map.of();
    Violations v = new Violations();
    v.require(t != null || d != null || !a.isEmpty(), "answer", "proposes none of the fields asked for " + fields);
    v.require(t == null || length(t) <= limits.maxTitle(), "title", "must be at most " + limits.maxTitle()
        + " characters here, is " + (t == null ? 0 : length(t)));
    v.require(d == null || length(d) <= limits.maxDescription(), "description", "must be at most "
        + limits.maxDescription() + " characters here, is " + (d == null ? 0 : length(d)));
    v.throwIfAny();
    return new SuggestedListing(t, d, new LinkedHashMap<>(a), source, usage);
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
