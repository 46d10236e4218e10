package io.crosslist.domain.product;

import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosslist.domain.FieldViolation;
import io.crosslist.domain.ValidationException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductDetailsTest {

  private static List<String> fieldsOf(ValidationException e) {
    return e.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void every_broken_rule_is_reported_with_its_field() {
    ValidationException e = assertThrows(ValidationException.class, () -> new ProductDetails(
        " ", "x".repeat(5001), null, "Not A Code", null, "good", null, null, -1, List.of("ftp://x/y.jpg")));
    assertEquals(List.of("title", "description", "price", "brand", "category", "stockQuantity", "imageUrls[0]"),
        fieldsOf(e));
  }

  @Test
  void title_may_be_200_characters_but_not_201() {
    ProductFixtures.detailsTitled("t".repeat(200));
    ValidationException e = assertThrows(ValidationException.class, () -> ProductFixtures.detailsTitled("t".repeat(201)));
    assertEquals("title: must be 1 to 200 characters", e.getMessage());
  }

  @Test
  void at_most_twenty_images_and_only_http_or_https() {
    ProductDetails d = defaultDetails();
    List<String> twentyOne = Collections.nCopies(21, "https://img.example.com/a.jpg");
    ValidationException tooMany = assertThrows(ValidationException.class, () -> new ProductDetails(d.title(),
        d.description(), d.price(), d.brand(), d.category(), d.condition(), d.size(), d.colour(), 1, twentyOne));
    assertEquals(List.of("imageUrls"), fieldsOf(tooMany));
    ValidationException javascript = assertThrows(ValidationException.class, () -> new ProductDetails(d.title(),
        d.description(), d.price(), d.brand(), d.category(), d.condition(), d.size(), d.colour(), 1,
        java.util.Arrays.asList("https://ok.example.com/a.jpg", "javascript:alert(1)", null)));
    assertEquals(List.of("imageUrls[1]", "imageUrls[2]"), fieldsOf(javascript));
  }

  @Test
  void money_has_two_decimals_and_an_iso_currency() {
    assertEquals(new Money(new BigDecimal("12.5"), "EUR"), new Money(new BigDecimal("12.50"), "EUR"));
    ValidationException e = assertThrows(ValidationException.class, () -> new Money(new BigDecimal("-1.234"), "eur"));
    assertEquals(List.of("amount", "amount", "currency"), fieldsOf(e));
    assertThrows(ValidationException.class, () -> new Money(BigDecimal.ONE, "XYZ"));
    assertEquals("amount: must be a decimal number such as 12.50",
        assertThrows(ValidationException.class, () -> Money.of("12,50", "EUR")).getMessage());
  }
}
