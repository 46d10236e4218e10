package io.crosslist.domain.product;

import io.crosslist.domain.PageCursor;
import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456789Z");

  private static Product stored(ProductStatus status) {
    return Product.reconstitute(ProductId.of(7), defaultDetails(), status, T0, T0, 3);
  }

  @Test
  void a_new_product_is_a_draft_without_id_and_with_microsecond_timestamps() {
    Product p = Product.newDraft(defaultDetails(), T0);
    assertEquals(ProductStatus.DRAFT, p.status());
    assertFalse(p.isStored());
    assertThrows(IllegalStateException.class, p::id);
    assertEquals(Instant.parse("2026-01-01T10:00:00.123456Z"), p.createdAt());
  }

  @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
  @CsvSource({
      "DRAFT,PUBLISHED,true", "DRAFT,ARCHIVED,true", "DRAFT,SOLD,false", "DRAFT,DRAFT,false",
      "PUBLISHED,SOLD,true", "PUBLISHED,ARCHIVED,true", "PUBLISHED,DRAFT,false",
      "SOLD,ARCHIVED,false", "SOLD,PUBLISHED,false", "ARCHIVED,DRAFT,false", "ARCHIVED,PUBLISHED,false"})
  void lifecycle_allows_only_its_transitions(ProductStatus from, ProductStatus to, boolean allowed) {
    Product p = stored(from);
    if (allowed) {
      assertEquals(to, p.changeStatus(to, T0.plusSeconds(1)).status());
    } else {
      IllegalStatusTransitionException e =
          assertThrows(IllegalStatusTransitionException.class, () -> p.changeStatus(to, T0));
      assertEquals("product 7 cannot go from " + from + " to " + to, e.getMessage());
    }
  }

  @Test
  void sold_and_archived_products_cannot_be_edited() {
    assertThrows(ProductNotEditableException.class, () -> stored(ProductStatus.SOLD).withDetails(defaultDetails(), T0));
    assertThrows(ProductNotEditableException.class,
        () -> stored(ProductStatus.ARCHIVED).withDetails(defaultDetails(), T0));
    Product edited = stored(ProductStatus.PUBLISHED).withDetails(ProductFixtures.detailsTitled("New"), T0.plusSeconds(5));
    assertEquals("New", edited.details().title());
    assertEquals(3, edited.version(), "the store, not the aggregate, moves the version");
    assertTrue(edited.updatedAt().isAfter(edited.createdAt()));
  }

  @Test
  void cursors_round_trip_and_reject_tampering() {
    PageCursor c = PageCursor.after(42);
    assertEquals(c, PageCursor.decode(c.encode()));
    for (String bad : new String[] {"", "!!!", "cDE6LTE", "eDE6NDI", "cDE6YWJj"}) {
      ValidationException e = assertThrows(ValidationException.class, () -> PageCursor.decode(bad), bad);
      assertEquals("cursor: is not a cursor issued by Crosslist", e.getMessage());
    }
  }

  @Test
  void search_limits_are_checked() {
    assertThrows(ValidationException.class, () -> ProductSearch.firstPage().withLimit(0));
    assertThrows(ValidationException.class, () -> ProductSearch.firstPage().withLimit(101));
    ValidationException e = assertThrows(ValidationException.class, () -> new ProductSearch(null, null, null, null,
        java.math.BigDecimal.TEN, java.math.BigDecimal.ONE, null, 20));
    assertEquals("maxPrice: must not be less than minPrice", e.getMessage());
  }
}
