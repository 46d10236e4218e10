package io.crosslist.domain.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes CSV as WooCommerce's product exporter does: its standard headers, every field quoted when it holds a
 * comma, a quote or a line break (quotes doubled), rows ending in CRLF or LF, with or without a byte-order mark.
 * Public so that other modules' tests generate their files with it.
 */
public final class WooCsv {
  public static final List<String> HEADER = List.of("ID", "Type", "SKU", "Name", "Published", "Is featured?",
      "Visibility in catalog", "Short description", "Description", "Date sale price starts", "Date sale price ends",
      "Tax status", "Tax class", "In stock?", "Stock", "Low stock amount", "Backorders allowed?", "Sold individually?",
      "Weight (kg)", "Length (cm)", "Width (cm)", "Height (cm)", "Allow customer reviews?", "Purchase note",
      "Sale price", "Regular price", "Categories", "Tags", "Shipping class", "Images", "Download limit",
      "Download expiry days", "Parent", "Grouped products", "Upsells", "Cross-sells", "External URL", "Button text",
      "Position", "Attribute 1 name", "Attribute 1 value(s)", "Attribute 1 visible", "Attribute 1 global",
      "Attribute 2 name", "Attribute 2 value(s)", "Attribute 2 visible", "Attribute 2 global", "Attribute 3 name",
      "Attribute 3 value(s)", "Attribute 3 visible", "Attribute 3 global", "Meta: _wpcom_is_markdown");
  private final StringBuilder text = new StringBuilder();
  private final String newline;
  private final boolean bom;

  private WooCsv(String newline, boolean bom) {
    this.newline = newline;
    this.bom = bom;
    line(HEADER);
  }

  /** A file as WooCommerce writes it: CRLF and a byte-order mark. */
  public static WooCsv export() {
    return new WooCsv("\r\n", true);
  }

  /** A file with LF line ends and no byte-order mark (a spreadsheet's, say). */
  public static WooCsv plain() {
    return new WooCsv("\n", false);
  }

  /** A row: the given columns, every other one empty. */
  public WooCsv row(Map<String, String> values) {
    List<String> fields = new ArrayList<>();
    for (String column : HEADER) {
      fields.add(values.getOrDefault(column, ""));
    }
    if (!HEADER.containsAll(values.keySet())) {
      throw new IllegalArgumentException("not a header: " + values.keySet());
    }
    return line(fields);
  }

  /** A line exactly as given (for broken rows). */
  public WooCsv raw(String line) {
    text.append(line).append(newline);
    return this;
  }

  private WooCsv line(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(quoted(fields.get(i)));
    }
    text.append(newline);
    return this;
  }

  static String quoted(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
        || field.startsWith(" ")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }

  public String text() {
    return (bom ? "\uFEFF" : "") + text;
  }

  public byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  /** A simple product's columns. */
  public static Map<String, String> simple(int id, String sku, String name, String price) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("ID", String.valueOf(id));
    row.put("Type", "simple");
    row.put("SKU", sku);
    row.put("Name", name);
    row.put("Published", "1");
    row.put("In stock?", "1");
    row.put("Stock", "1");
    row.put("Regular price", price);
    row.put("Categories", "Women > Shoes");
    row.put("Images", "https://shop.example/img/" + sku + ".jpg");
    return row;
  }

  /** The same columns with {@code column} set to {@code value}. */
  public static Map<String, String> with(Map<String, String> row, String column, String value) {
    Map<String, String> copy = new LinkedHashMap<>(row);
    copy.put(column, value);
    return copy;
  }
}
