package io.crosslist.application.imports.woocommerce;

import io.crosslist.domain.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a WooCommerce product export: which column holds what. Columns are found by their standard
 * (English) header text; absent optional columns read as empty. {@code Name}, {@code Regular price} and either
 * {@code SKU} or {@code ID} are required.
 */
public final class WooHeader {
  static final String ID = "ID";
  static final String TYPE = "Type";
  static final String SKU = "SKU";
  static final String NAME = "Name";
  static final String SHORT_DESCRIPTION = "Short description";
  static final String DESCRIPTION = "Description";
  static final String SALE_STARTS = "Date sale price starts";
  static final String SALE_ENDS = "Date sale price ends";
  static final String IN_STOCK = "In stock?";
  static final String STOCK = "Stock";
  static final String SALE_PRICE = "Sale price";
  static final String REGULAR_PRICE = "Regular price";
  static final String CATEGORIES = "Categories";
  static final String BRANDS = "Brands";
  static final String IMAGES = "Images";
  static final String PARENT = "Parent";
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<int[]> attributes = new ArrayList<>();

  private WooHeader(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(names.get(i).strip(), i);
    }
    for (int n = 1; index.containsKey("Attribute " + n + " name"); n++) {
      Integer values = index.get("Attribute " + n + " value(s)");
      if (values != null) {
        attributes.add(new int[] {index.get("Attribute " + n + " name"), values});
      }
    }
  }

  /**
   * The header record's meaning.
   *
   * @throws ValidationException on {@code file} naming the missing columns
   */
  public static WooHeader of(List<String> fields) {
    WooHeader header = new WooHeader(fields);
    List<String> missing = new ArrayList<>();
    for (String required : List.of(NAME, REGULAR_PRICE)) {
      if (!header.index.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!header.index.containsKey(SKU) && !header.index.containsKey(ID)) {
      missing.add(SKU + " (or " + ID + ")");
    }
    if (!missing.isEmpty()) {
      throw ValidationException.of("file", "is not a WooCommerce product export: its header lacks the column(s) "
          + String.join(", ", missing));
    }
    return header;
  }

  public int size() {
    return names.size();
  }

  boolean has(String column) {
    return index.containsKey(column);
  }

  /** The value of {@code column} in {@code fields}, stripped; empty when the file has no such column. */
  String get(List<String> fields, String column) {
    Integer i = index.get(column);
    return i == null || i >= fields.size() ? "" : fields.get(i).strip();
  }

  /** The row's attributes as (name, values) pairs, in column order; empty names are left out. */
  List<String[]> attributes(List<String> fields) {
    List<String[]> pairs = new ArrayList<>();
    for (int[] columns : attributes) {
      String name = fields.get(columns[0]).strip();
      if (!name.isEmpty()) {
        pairs.add(new String[] {name, fields.get(columns[1]).strip(), names.get(columns[1])});
      }
    }
    return pairs;
  }
}
