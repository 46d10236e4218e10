package io.crosslist.application.imports.woocommerce;

import static io.crosslist.application.imports.woocommerce.WooHeader.*;

import io.crosslist.domain.FieldViolation;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.ProductImportRepository.ParentRow;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductSku;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one row of a WooCommerce product export into a Crosslist product (or says why not). A simple (or
 * external) product is one product. A variable product is no product: its row is kept, and each of its variations
 * becomes a product with its own SKU, price and stock, its own attributes (size, colour, ...), and the parent's name,
 * description, categories, images and attributes where it has none of its own. The price is the sale price while a
 * sale runs, else the regular price; the reference fields are mapped by the {@link ReferenceMapping}.
 */
public final class WooRowMapper {
  private static final Set<String> TYPES = Set.of("simple", "variable", "variation", "grouped", "external",
      "virtual", "downloadable");
  private static final Map<String, String> COLUMN_OF_FIELD = Map.of("title", NAME, "description", DESCRIPTION,
      "price", REGULAR_PRICE, "stockQuantity", STOCK, "sku", SKU, "category", CATEGORIES);
  private final WooHeader header;
  private final ReferenceMapping mapping;
  private final String currency;
  private final LocalDate today;

  public WooRowMapper(WooHeader header, ReferenceMapping mapping, String currency, LocalDate today) {
    this.header = header;
    this.mapping = mapping;
    this.currency = currency;
    this.today = today;
  }

  /** The row's result; {@code parents} finds a parent row kept earlier by its reference ({@code id:12} or a SKU). */
  public RowResult map(int row, CsvReader.Record record, Function<String, Optional<ParentRow>> parents) {
    List<String> f = record.fields();
    if (record.problem() != null) {
      return RowResult.failed(List.of(new ImportIssue(row, "row", "line " + record.line(), record.problem(), true)));
    }
    if (f.size() != header.size()) {
      return RowResult.failed(List.of(new ImportIssue(row, "row", f.size() + " fields", "has " + f.size()
          + " fields where the header has " + header.size(), true)));
    }
    if (f.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
      return RowResult.failed(List.of(new ImportIssue(row, "row", "", "must not contain the NUL character", true)));
    }
    List<String> types = Arrays.stream(header.get(f, TYPE).toLowerCase(Locale.ROOT).split(","))
        .map(String::strip).filter(t -> !t.isEmpty()).toList();
    Optional<String> unknownType = types.stream().filter(t -> !TYPES.contains(t)).findFirst();
    if (unknownType.isPresent()) {
      return RowResult.failed(List.of(new ImportIssue(row, TYPE, header.get(f, TYPE),
          "must be simple, variable, variation, grouped or external", true)));
    }
    if (types.contains("variable")) {
      return new RowResult(RowResult.Kind.PARENT, null, null, new ParentRow(row, header.get(f, ID),
          header.get(f, SKU), f), List.of());
    }
    if (types.contains("grouped")) {
      return new RowResult(RowResult.Kind.SKIPPED, null, null, null, List.of());
    }
    List<String> parent = null;
    if (types.contains("variation")) {
      String reference = header.get(f, PARENT);
      Optional<ParentRow> found = reference.isEmpty() ? Optional.empty() : parents.apply(reference);
      if (found.isEmpty()) {
        return RowResult.failed(List.of(new ImportIssue(row, PARENT, reference,
            "must name a variable product (id:123 or its SKU) on an earlier row", true)));
      }
      parent = found.get().fields();
    }
    return product(row, f, parent);
  }

  private RowResult product(int row, List<String> f, List<String> parent) {
    List<ImportIssue> issues = new ArrayList<>();
    String sku = header.get(f, SKU);
    if (sku.isEmpty() && !header.get(f, ID).isEmpty()) {
      sku = "woo-" + header.get(f, ID);
    }
    if (!ProductSku.isValid(sku)) {
      issues.add(new ImportIssue(row, SKU, sku, sku.isEmpty() ? "is required: the import is keyed by SKU (or ID)"
          : ProductSku.RULE, true));
      return RowResult.failed(issues);
    }
    String title = inherited(f, parent, NAME);
    String description = inherited(f, parent, DESCRIPTION);
    if (description.isEmpty()) {
      description = inherited(f, parent, SHORT_DESCRIPTION);
    }
    description = description.replace("\\n", "\n");
    if (description.codePointCount(0, description.length()) > ProductDetails.MAX_DESCRIPTION) {
      issues.add(new ImportIssue(row, DESCRIPTION, description, "is cut to its first " + ProductDetails.MAX_DESCRIPTION
          + " characters", false));
      description = description.substring(0, description.offsetByCodePoints(0, ProductDetails.MAX_DESCRIPTION));
    }
    Money price = price(row, f, issues);
    Integer stock = stock(row, f, parent, issues);
    List<String> images = WooImages.of(row, header.get(f, IMAGES), parent == null ? "" : header.get(parent, IMAGES),
        issues);
    WooReferences refs = new WooReferences(header, mapping, row, f, parent, issues);
    String category = refs.category();
    String condition = refs.required("condition");
    String brand = refs.optional("brand");
    String size = refs.optional("size");
    String colour = refs.optional("colour");
    if (price == null || stock == null || category == null || condition == null) {
      return RowResult.failed(issues);
    }
    try {
      ProductDetails details = new ProductDetails(title, description, price, brand, category, condition, size, colour,
          stock, images);
      return new RowResult(RowResult.Kind.PRODUCT, sku, details, null, issues);
    } catch (ValidationException e) {
      for (FieldViolation v : e.violations()) {
        String column = COLUMN_OF_FIELD.getOrDefault(v.field(), v.field());
        issues.add(new ImportIssue(row, column, header.get(f, column), v.rule(), true));
      }
      return RowResult.failed(issues);
    }
  }

  /** The row's value of {@code column}, or its parent's when it has none. */
  private String inherited(List<String> f, List<String> parent, String column) {
    String own = header.get(f, column);
    return own.isEmpty() && parent != null ? header.get(parent, column) : own;
  }

  private Money price(int row, List<String> f, List<ImportIssue> issues) {
    String sale = header.get(f, SALE_PRICE);
    boolean saleRuns = !sale.isEmpty() && !after(header.get(f, SALE_STARTS)) && !before(header.get(f, SALE_ENDS));
    String column = saleRuns ? SALE_PRICE : REGULAR_PRICE;
    String text = header.get(f, column);
    if (text.isEmpty()) {
      issues.add(new ImportIssue(row, REGULAR_PRICE, "", "is required (a product needs a price)", true));
      return null;
    }
    try {
      return new Money(new BigDecimal(text), currency);
    } catch (NumberFormatException e) {
      issues.add(new ImportIssue(row, column, text, "must be a decimal number such as 12.50", true));
    } catch (ValidationException e) {
      issues.add(new ImportIssue(row, column, text, e.violations().get(0).rule(), true));
    }
    return null;
  }

  /** Whether a date column names a day after today (a sale that has not started). */
  private boolean after(String date) {
    LocalDate day = day(date);
    return day != null && day.isAfter(today);
  }

  /** Whether a date column names a day before today (a sale that has ended). */
  private boolean before(String date) {
    LocalDate day = day(date);
    return day != null && day.isBefore(today);
  }

  private static LocalDate day(String date) {
    try {
      return date.length() < 10 ? null : LocalDate.parse(date.substring(0, 10));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Integer stock(int row, List<String> f, List<String> parent, List<ImportIssue> issues) {
    String column = STOCK;
    String text = header.get(f, STOCK);
    if (text.isEmpty() && parent != null && !header.get(parent, STOCK).isEmpty()) {
      text = header.get(parent, STOCK);
    }
    if (text.isEmpty()) {
      column = IN_STOCK;
      text = header.get(f, IN_STOCK);
      String flag = text.toLowerCase(Locale.ROOT);
      return flag.equals("1") || flag.equals("yes") || flag.equals("instock") || flag.isEmpty() ? 1 : 0;
    }
    try {
      int stock = new BigDecimal(text).intValueExact();
      if (stock < 0) {
        issues.add(new ImportIssue(row, column, text, "is negative (backorders); imported as 0", false));
        return 0;
      }
      return stock;
    } catch (ArithmeticException | NumberFormatException e) {
      issues.add(new ImportIssue(row, column, text, "must be a whole number", true));
      return null;
    }
  }
}
