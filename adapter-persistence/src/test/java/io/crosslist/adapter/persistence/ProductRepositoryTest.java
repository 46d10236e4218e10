package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.anyDetails;
import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static io.crosslist.domain.product.ProductFixtures.detailsPriced;
import static io.crosslist.domain.product.ProductFixtures.detailsTitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.Page;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final Persistence db = Persistence.get();
  private final ProductRepository products = db.products;
  private TenantId tenant;

  @BeforeEach
  void freshTenant() {
    tenant = db.newTenant();
  }

  private Product add(ProductDetails details) {
    return products.add(tenant, Product.newDraft(details, NOW));
  }

  @Test
  void a_stored_product_reads_back_equal() {
    Product stored = add(defaultDetails());
    assertEquals(0, stored.version());
    assertEquals(stored, products.findById(tenant, stored.id()).orElseThrow());
  }

  @Test
  void an_update_with_the_current_version_moves_it_on_and_a_stale_one_writes_nothing() {
    Product v0 = add(defaultDetails());
    Product v1 = products.update(tenant, v0.withDetails(detailsTitled("First edit"), NOW.plusSeconds(1)));
    assertEquals(1, v1.version());
    assertThrows(ConcurrentUpdateException.class,
        () -> products.update(tenant, v0.withDetails(detailsTitled("Lost edit"), NOW.plusSeconds(2))));
    Product read = products.findById(tenant, v0.id()).orElseThrow();
    assertEquals("First edit", read.details().title());
    assertEquals(v1, read);
  }

  @Test
  void an_unknown_reference_code_is_named() {
    ProductDetails d = defaultDetails();
    UnknownReferenceException e = assertThrows(UnknownReferenceException.class, () -> add(new ProductDetails(
        d.title(), d.description(), d.price(), "no-such-brand", d.category(), d.condition(), d.size(), d.colour(),
        1, d.imageUrls())));
    assertEquals("brand", e.field());
    assertEquals("brand: 'no-such-brand' is not a known brand code", e.getMessage());
  }

  @Test
  void soft_deleted_products_disappear_from_every_read() {
    Product p = add(defaultDetails());
    assertTrue(products.softDelete(tenant, p.id(), NOW));
    assertFalse(products.softDelete(tenant, p.id(), NOW), "deleting twice finds nothing the second time");
    assertTrue(products.findById(tenant, p.id()).isEmpty());
    assertTrue(products.search(tenant, ProductSearch.firstPage()).items().isEmpty());
    assertThrows(ConcurrentUpdateException.class, () -> products.update(tenant, p));
  }

  @Test
  void pages_walk_every_product_once_newest_first_even_while_rows_are_inserted() {
    Random random = new Random(20261122);
    List<ProductId> expected = new ArrayList<>();
    for (int i = 0; i < 53; i++) {
      expected.add(0, add(anyDetails(random)).id());
    }
    List<ProductId> seen = new ArrayList<>();
    ProductSearch search = ProductSearch.firstPage().withLimit(10);
    Page<Product> page;
    do {
      page = products.search(tenant, search);
      page.items().forEach(p -> seen.add(p.id()));
      add(anyDetails(random)); // newer rows must not shift the pages already promised
      search = page.nextCursor().map(search::after).orElse(null);
    } while (search != null);
    assertEquals(expected, seen);
  }

  @Test
  void filters_combine() {
    add(detailsTitled("Blue 100% wool_coat"));
    Product cheapNike = add(detailsPriced("5.00"));
    add(detailsPriced("500.00"));
    Product published = products.update(tenant, add(detailsTitled("Published shoe"))
        .changeStatus(ProductStatus.PUBLISHED, NOW));

    assertEquals(List.of(published.id()), ids(ProductSearch.firstPage().withStatus(ProductStatus.PUBLISHED)));
    assertEquals(1, ids(ProductSearch.firstPage().withText("100% WOOL_")).size(), "% and _ match literally");
    assertEquals(0, ids(ProductSearch.firstPage().withText("100_")).size());
    assertEquals(List.of(cheapNike.id()), ids(new ProductSearch(null, "nike", "womens-shoes", null, null,
        new BigDecimal("10"), null, 20)));
    assertEquals(4, ids(new ProductSearch(null, null, null, null, new BigDecimal("5.00"), null, null, 20)).size());
    assertEquals(0, ids(new ProductSearch(null, "adidas", null, null, null, null, null, 20)).size());
  }

  private List<ProductId> ids(ProductSearch search) {
    Page<Product> page = products.search(tenant, search);
    assertNull(page.next());
    return page.items().stream().map(Product::id).toList();
  }

  @Test
  void only_drafts_older_than_the_cutoff_are_cleaned_up() {
    Product old = add(defaultDetails());
    Product oldPublished = products.update(tenant, add(defaultDetails()).changeStatus(ProductStatus.PUBLISHED, NOW));
    Product recent = products.add(tenant, Product.newDraft(defaultDetails(), NOW.plusSeconds(86_400 * 10)));
    int deleted = products.softDeleteDraftsNotUpdatedSince(tenant, NOW.plusSeconds(86_400), NOW.plusSeconds(86_400 * 11));
    assertEquals(1, deleted);
    Set<ProductId> left = new HashSet<>(ids(ProductSearch.firstPage()));
    assertEquals(Set.of(oldPublished.id(), recent.id()), left);
    assertTrue(products.findById(tenant, old.id()).isEmpty());
  }

  @Test
  void an_unprovisioned_tenant_is_reported_as_such() {
    TenantId stranger = Persistence.unusedTenant();
    UnknownTenantException e = assertThrows(UnknownTenantException.class,
        () -> products.findById(stranger, ProductId.of(1)));
    assertEquals(stranger, e.tenant());
    assertThrows(UnknownTenantException.class, () -> products.add(stranger, Product.newDraft(defaultDetails(), NOW)));
  }
}
