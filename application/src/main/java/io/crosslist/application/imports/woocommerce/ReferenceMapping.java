package io.crosslist.application.imports.woocommerce;

import io.crosslist.domain.FieldViolation;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.product.ReferenceCatalog.Reference;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a WooCommerce store's values become Crosslist reference codes: the operator's mapping file over the shared
 * reference data. The file is CSV, one rule a line ({@code #} comments and blank lines skipped):
 *
 * <pre>
 * category,Women &gt; Shoes,womens-shoes   # a category path (or its last part) to a category code
 * size,XXL,xl                             # an attribute value to a code; brand, condition, size, colour alike
 * condition,*,good                         # * : the code for rows with no value or an unmapped one
 * attribute,Talla,size                     # a WooCommerce attribute name that holds the size
 * </pre>
 *
 * A value with no rule maps to the code it names itself: a code ({@code nike}), a display name ({@code Nike}) or
 * the name written as a code ({@code New with tags} to {@code new-with-tags}). Values compare without case and
 * with runs of spaces as one.
 */
public final class ReferenceMapping {
  /** The product fields a mapping fills, in the order their rules are listed. */
  public static final List<String> FIELDS = List.of("brand", "category", "condition", "size", "colour");
  public static final int MAX_CHARS = 1 << 20;
  private static final Map<String, String> DEFAULT_ATTRIBUTES = Map.of("brand", "brand", "pa_brand", "brand",
      "condition", "condition", "pa_condition", "condition", "size", "size", "pa_size", "size", "color", "colour",
      "colour", "colour", "pa_color", "colour", "pa_colour", "colour");
  private final Map<String, Map<String, String>> rules;
  private final Map<String, String> attributes;
  private final Map<String, Map<String, String>> known;

  private ReferenceMapping(Map<String, Map<String, String>> rules, Map<String, String> attributes,
      Map<String, Map<String, String>> known) {
    this.rules = rules;
    this.attributes = attributes;
    this.known = known;
  }

  /**
   * Reads a mapping file against the reference data.
   *
   * @throws ValidationException on {@code mapping}, each bad line named with its rule
   */
  public static ReferenceMapping parse(String text, List<Reference> references) {
    Map<String, Map<String, String>> known = new HashMap<>();
    for (String field : FIELDS) {
      known.put(field, new HashMap<>());
    }
    for (Reference r : references) {
      Map<String, String> byValue = known.get(r.field());
      if (byValue != null) {
        byValue.putIfAbsent(normal(r.name()), r.code());
        byValue.putIfAbsent(slug(r.name()), r.code());
        byValue.put(r.code(), r.code());
      }
    }
    Map<String, Map<String, String>> rules = new HashMap<>();
    FIELDS.forEach(f -> rules.put(f, new HashMap<>()));
    Map<String, String> attributes = new HashMap<>(DEFAULT_ATTRIBUTES);
    List<FieldViolation> bad = new ArrayList<>();
    String source = text == null ? "" : text;
    if (source.length() > MAX_CHARS) {
      throw ValidationException.of("mapping", "must be at most " + MAX_CHARS + " characters");
    }
    try (CsvReader reader = new CsvReader(new StringReader(source))) {
      for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
        String where = "mapping line " + record.line();
        List<String> f = record.fields();
        String first = f.get(0).strip();
        if (first.startsWith("#")) {
          continue;
        }
        if (record.problem() != null || f.size() != 3) {
          bad.add(new FieldViolation(where, record.problem() != null ? record.problem()
              : "must be three fields: field,value,code (or attribute,name,field)"));
          continue;
        }
        String field = canonicalField(first.toLowerCase(Locale.ROOT));
        String value = f.get(1).strip();
        String target = stripComment(f.get(2));
        if (record.number() == 1 && field.equals("field")) {
          continue; // a header line
        }
        if (field.equals("attribute")) {
          String named = canonicalField(target.toLowerCase(Locale.ROOT));
          if (!FIELDS.contains(named) || named.equals("category") || value.isEmpty()) {
            bad.add(new FieldViolation(where, "an attribute rule names a WooCommerce attribute and one of brand,"
                + " condition, size, colour"));
          } else {
            attributes.put(normal(value), named);
          }
          continue;
        }
        if (!FIELDS.contains(field)) {
          bad.add(new FieldViolation(where, "'" + first + "' must be one of " + String.join(", ", FIELDS)
              + " or attribute"));
        } else if (value.isEmpty()) {
          bad.add(new FieldViolation(where, "the WooCommerce value must not be empty (* for the default)"));
        } else if (!known.get(field).containsKey(target)) {
          bad.add(new FieldViolation(where, "'" + target + "' is not a known " + field + " code"));
        } else if (rules.get(field).putIfAbsent(normal(value), target) != null) {
          bad.add(new FieldViolation(where, "the " + field + " value '" + value + "' is mapped twice"));
        }
      }
    }
    if (!bad.isEmpty()) {
      throw new ValidationException(bad);
    }
    return new ReferenceMapping(rules, attributes, known);
  }

  /** The product field a WooCommerce attribute of this name fills, or null. */
  public String fieldOfAttribute(String attributeName) {
    return attributes.get(normal(attributeName));
  }

  /** The code {@code value} maps to for {@code field}: the operator's rule, else the code it names; null when none. */
  public String code(String field, String value) {
    String key = normal(value);
    String mapped = rules.get(field).get(key);
    if (mapped != null) {
      return mapped;
    }
    String named = known.get(field).get(key);
    return named != null ? named : known.get(field).get(slug(value));
  }

  /** The operator's default code for {@code field} ({@code field,*,code}), or null. */
  public String fallback(String field) {
    return rules.get(field).get("*");
  }

  private static String canonicalField(String field) {
    return field.equals("color") ? "colour" : field;
  }

  private static String stripComment(String text) {
    int hash = text.indexOf('#');
    return (hash < 0 ? text : text.substring(0, hash)).strip();
  }

  /** Lower case, accents kept, runs of white space as one space. */
  static String normal(String value) {
    return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The value written as a code: lower-case ASCII letters and digits, other runs as one '-'. */
  static String slug(String value) {
    String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
