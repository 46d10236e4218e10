package io.crosslist.domain.suggestion;

import io.crosslist.domain.ValidationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a suggestion may propose: a title, a description, reference attributes (brand, size, colour, ...). */
public enum SuggestionField {
  TITLE,
  DESCRIPTION,
  ATTRIBUTES;

  /** Every field. */
  public static Set<SuggestionField> all() {
    return EnumSet.allOf(SuggestionField.class);
  }

  /** The field's name in requests and answers: {@code title}, {@code description}, {@code attributes}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The fields named in {@code names} ({@code title}, {@code description}, {@code attributes}); every field when
   * {@code names} is null or empty.
   *
   * @throws ValidationException on {@code field} naming the known ones, when a name is unknown
   */
  public static Set<SuggestionField> parse(String field, List<String> names) {
    if (names == null || names.isEmpty()) {
      return all();
    }
    Set<SuggestionField> fields = EnumSet.noneOf(SuggestionField.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      SuggestionField found = Arrays.stream(values()).filter(f -> f.jsonName().equals(name)).findFirst()
          .orElseThrow(() -> ValidationException.of(field, "must name fields among " + Arrays.stream(values())
              .map(SuggestionField::jsonName).collect(Collectors.joining(", "))));
      fields.add(found);
    }
    return fields;
  }
}
