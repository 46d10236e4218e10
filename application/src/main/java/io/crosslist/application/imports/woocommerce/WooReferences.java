package io.crosslist.application.imports.woocommerce;

import io.crosslist.domain.imports.ImportIssue;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference fields of one row: the category from {@code Categories} (paths {@code A > B}, comma-separated,
 * {@code \,} inside a name), the brand from {@code Brands} or a brand attribute, condition, size and colour from
 * attributes (the row's own, else its parent's). Each value goes through the {@link ReferenceMapping}; one that
 * maps to nothing is an issue, and fails the row only for the required fields (category, condition) when the
 * mapping gives no default.
 */
final class WooReferences {
  private final WooHeader header;
  private final ReferenceMapping mapping;
  private final int row;
  private final List<String> fields;
  private final List<String> parent;
  private final List<ImportIssue> issues;

  WooReferences(WooHeader header, ReferenceMapping mapping, int row, List<String> fields, List<String> parent,
      List<ImportIssue> issues) {
    this.header = header;
    this.mapping = mapping;
    this.row = row;
    this.fields = fields;
    this.parent = parent;
    this.issues = issues;
  }

  /** The category code: the first path (then its last part) that maps; the default; else null and an issue. */
  String category() {
    String cell = header.get(fields, WooHeader.CATEGORIES);
    if (cell.isEmpty() && parent != null) {
      cell = header.get(parent, WooHeader.CATEGORIES);
    }
    for (String path : paths(cell)) {
      String code = mapping.code("category", path);
      if (code == null) {
        String[] parts = path.split(">");
        code = mapping.code("category", parts[parts.length - 1]);
      }
      if (code != null) {
        return code;
      }
    }
    String fallback = mapping.fallback("category");
    if (fallback != null) {
      return fallback;
    }
    issues.add(new ImportIssue(row, WooHeader.CATEGORIES, cell, cell.isEmpty()
        ? "is required: a product needs a category; give a default with category,*,CODE"
        : "no category path maps to a category code; add category,PATH,CODE to the mapping", true));
    return null;
  }

  /** A required field's code (condition): mapped, else the default, else null and an issue failing the row. */
  String required(String field) {
    return resolve(field, true);
  }

  /** An optional field's code: mapped, else the default, else null (and an issue when there was a value). */
  String optional(String field) {
    return resolve(field, false);
  }

  private String resolve(String field, boolean required) {
    String[] source = source(field);
    if (source != null) {
      String code = mapping.code(field, source[1]);
      if (code != null) {
        return code;
      }
    }
    String fallback = mapping.fallback(field);
    if (fallback != null) {
      return fallback;
    }
    if (source != null) {
      issues.add(new ImportIssue(row, source[0], source[1], source[1].contains(",")
          ? "holds several values, and a product has one " + field + (required ? "" : "; imported without a " + field)
          : "maps to no " + field + " code; add " + field + "," + source[1] + ",CODE to the mapping"
          + (required ? "" : "; imported without a " + field), required));
    } else if (required) {
      issues.add(new ImportIssue(row, "Attribute", "", "is required: no attribute gives a " + field
          + "; give a default with " + field + ",*,CODE", true));
    }
    return null;
  }

  /** (column, value) of the field's value in the row, else in its parent; null when neither has one. */
  private String[] source(String field) {
    if (field.equals("brand")) {
      for (List<String> row : rows()) {
        String brands = header.get(row, WooHeader.BRANDS);
        if (!brands.isEmpty()) {
          return new String[] {WooHeader.BRANDS, brands};
        }
      }
    }
    for (List<String> row : rows()) {
      for (String[] attribute : header.attributes(row)) {
        if (field.equals(mapping.fieldOfAttribute(attribute[0])) && !attribute[1].isEmpty()) {
          return new String[] {attribute[2], attribute[1]};
        }
      }
    }
    return null;
  }

  private List<List<String>> rows() {
    return parent == null ? List.of(fields) : List.of(fields, parent);
  }

  /** The category paths of a {@code Categories} cell, {@code \,} read as a comma inside a name. */
  static List<String> paths(String cell) {
    List<String> paths = new ArrayList<>();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length() && cell.charAt(i + 1) == ',') {
        path.append(',');
        i++;
      } else if (c == ',') {
        add(paths, path);
      } else {
        path.append(c);
      }
    }
    add(paths, path);
    return paths;
  }

  private static void add(List<String> paths, StringBuilder path) {
    String p = path.toString().strip().replaceAll("\\s*>\\s*", " > ");
    if (!p.isEmpty()) {
      paths.add(p);
    }
  }
}
