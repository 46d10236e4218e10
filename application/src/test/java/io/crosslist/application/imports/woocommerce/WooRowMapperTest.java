package io.crosslist.application.imports.woocommerce;

import static io.crosslist.domain.imports.WooCsv.simple;
import static io.crosslist.domain.imports.WooCsv.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.imports.ImportIssue;
import io.crosslist.domain.imports.WooCsv;
import io.crosslist.domain.imports.ProductImportRepository.ParentRow;
import io.crosslist.domain.product.ReferenceCatalog.Reference;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WooRowMapperTest {
  static final List<Reference> REFERENCES = List.of(new Reference("category", "womens-shoes", "Women's shoes"),
      new Reference("category", "mens-jeans", "Men's jeans"), new Reference("condition", "very-good", "Very good"),
      new Reference("condition", "good", "Good"), new Reference("size", "m", "M"), new Reference("size", "l", "L"),
      new Reference("size", "eu-38", "EU 38"), new Reference("colour", "black", "Black"),
      new Reference("brand", "nike", "Nike"), new Reference("brand", "levis", "Levi's"));
  static final String MAPPING = "category,Women > Shoes,womens-shoes\ncondition,*,good\nsize,Medium,m\n";

  private final Map<String, ParentRow> parents = new HashMap<>();

  private List<RowResult> map(String mapping, WooCsv csv) {
    List<RowResult> results = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(csv.text()))) {
      WooRowMapper mapper = new WooRowMapper(WooHeader.of(reader.next().fields()),
          ReferenceMapping.parse(mapping, REFERENCES), "EUR", LocalDate.of(2026, 3, 1));
      int row = 0;
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        RowResult result = mapper.map(++row, r, ref -> Optional.ofNullable(parents.get(ref)));
        if (result.kind() == RowResult.Kind.PARENT) {
          parents.put("id:" + result.parent().sourceId(), result.parent());
          parents.put(result.parent().sku(), result.parent());
        }
        results.add(result);
      }
    }
    return results;
  }

  @Test
  void a_simple_product_takes_the_running_sale_price_its_mapped_category_and_the_default_condition() {
    Map<String, String> shoe = with(with(with(simple(1, "SHOE-1", "Air Max", "89.00"), "Sale price", "59.5"),
        "Date sale price ends", "2026-03-31"), "Attribute 1 name", "Color");
    shoe.put("Attribute 1 value(s)", "black");
    shoe.put("Description", "Worn twice.\\nNo box.");
    Map<String, String> ended = with(with(simple(2, "SHOE-2", "Old sale", "20"), "Sale price", "10"),
        "Date sale price ends", "2026-02-01 23:59:59");
    List<RowResult> results = map(MAPPING, WooCsv.export().row(shoe).row(ended));
    RowResult first = results.get(0);
    assertEquals(RowResult.Kind.PRODUCT, first.kind(), first.issues().toString());
    assertEquals("SHOE-1", first.sku());
    assertEquals(new BigDecimal("59.50"), first.details().price().amount());
    assertEquals("womens-shoes", first.details().category());
    assertEquals("good", first.details().condition());
    assertEquals("black", first.details().colour());
    assertEquals("Worn twice.\nNo box.", first.details().description(), "WooCommerce writes line breaks as \\n");
    assertEquals(List.of("https://shop.example/img/SHOE-1.jpg"), first.details().imageUrls());
    assertEquals(new BigDecimal("20.00"), results.get(1).details().price().amount(), "an ended sale: regular price");
  }

  @Test
  void variations_become_products_with_their_parents_name_description_images_and_their_own_size() {
    Map<String, String> parent = with(with(simple(10, "JEANS", "Levi's 501", ""), "Type", "variable"),
        "Categories", "Men > Men's jeans");
    parent.put("Description", "Classic fit");
    parent.put("Attribute 1 name", "Size");
    parent.put("Attribute 1 value(s)", "Medium, L, XXL");
    parent.put("Attribute 2 name", "Brand");
    parent.put("Attribute 2 value(s)", "Levi's");
    Map<String, String> medium = variation(11, "JEANS-M", "id:10", "Medium", "40");
    Map<String, String> large = with(variation(12, "JEANS-L", "JEANS", "L", "42"), "Images",
        "https://shop.example/img/l.jpg");
    Map<String, String> xxl = variation(13, "JEANS-XXL", "id:10", "XXL", "44");
    Map<String, String> orphan = variation(14, "SOCK-S", "id:99", "S", "5");
    List<RowResult> results = map(MAPPING, WooCsv.plain().row(parent).row(medium).row(large).row(xxl).row(orphan));

    assertEquals(RowResult.Kind.PARENT, results.get(0).kind(), "a variable product is no product");
    RowResult m = results.get(1);
    assertEquals(RowResult.Kind.PRODUCT, m.kind(), m.issues().toString());
    assertEquals("Levi's 501", m.details().title());
    assertEquals("Classic fit", m.details().description());
    assertEquals("mens-jeans", m.details().category(), "the parent's category path, its last part the display name");
    assertEquals("m", m.details().size(), "mapped by the operator's rule");
    assertEquals("levis", m.details().brand(), "the parent's brand attribute, by its display name");
    assertEquals(List.of("https://shop.example/img/l.jpg", "https://shop.example/img/JEANS.jpg"),
        results.get(2).details().imageUrls(), "the variation's own image first");
    assertEquals("l", results.get(2).details().size());
    RowResult unmapped = results.get(3);
    assertEquals(RowResult.Kind.PRODUCT, unmapped.kind());
    assertNull(unmapped.details().size());
    assertEquals(List.of(new ImportIssue(4, "Attribute 1 value(s)", "XXL", "maps to no size code; add size,XXL,CODE to"
        + " the mapping; imported without a size", false)), unmapped.issues());
    assertEquals(RowResult.Kind.FAILED, results.get(4).kind());
    assertEquals("Parent", results.get(4).issues().get(0).column());
  }

  private static Map<String, String> variation(int id, String sku, String parent, String size, String price) {
    Map<String, String> row = new HashMap<>();
    row.put("ID", String.valueOf(id));
    row.put("Type", "variation");
    row.put("SKU", sku);
    row.put("Parent", parent);
    row.put("Regular price", price);
    row.put("Stock", "2");
    row.put("Attribute 1 name", "Size");
    row.put("Attribute 1 value(s)", size);
    return row;
  }

  @Test
  void rows_that_cannot_be_products_fail_with_their_column_and_rule_and_grouped_ones_are_skipped() {
    WooCsv csv = WooCsv.export()
        .row(with(simple(1, "A", "No category", "5"), "Categories", "Garden > Tools"))
        .row(with(simple(2, "B", "No price", "5"), "Regular price", ""))
        .row(with(simple(3, "C", "Bad price", "5"), "Regular price", "5,50"))
        .row(with(simple(4, "", "", "5"), "ID", ""))
        .row(with(simple(5, "E", "Bundle", "5"), "Type", "bundle"))
        .row(with(simple(6, "F", "Group", "5"), "Type", "grouped"))
        .raw("7,simple,G,Too short")
        .row(with(simple(8, "H", "Virtual", "5"), "Type", "simple, virtual"));
    List<RowResult> results = map(MAPPING, csv);
    assertEquals(List.of("Categories", "Regular price", "Regular price", "SKU", "Type"),
        results.subList(0, 5).stream().map(r -> r.issues().get(0).column()).toList());
    assertTrue(results.subList(0, 5).stream().allMatch(r -> r.kind() == RowResult.Kind.FAILED));
    assertEquals("must be a decimal number such as 12.50", results.get(2).issues().get(0).rule());
    assertEquals(RowResult.Kind.SKIPPED, results.get(5).kind());
    assertEquals(new ImportIssue(7, "row", "4 fields", "has 4 fields where the header has " + WooCsv.HEADER.size(),
        true), results.get(6).issues().get(0));
    assertEquals(RowResult.Kind.PRODUCT, results.get(7).kind());
  }

  @Test
  void a_mapping_is_refused_line_by_line_against_the_reference_data() {
    ValidationException e = assertThrows(ValidationException.class, () -> ReferenceMapping.parse(
        "# comment\nsize,XXL,xxl\nshape,round,x\ncondition,*\nsize,M,m\nsize,m,l\nattribute,Talla,category\n",
        REFERENCES));
    assertEquals(List.of("mapping line 2: 'xxl' is not a known size code",
        "mapping line 3: 'shape' must be one of brand, category, condition, size, colour or attribute",
        "mapping line 4: must be three fields: field,value,code (or attribute,name,field)",
        "mapping line 6: the size value 'm' is mapped twice",
        "mapping line 7: an attribute rule names a WooCommerce attribute and one of brand, condition, size, colour"),
        e.violations().stream().map(Object::toString).toList());
  }
}
