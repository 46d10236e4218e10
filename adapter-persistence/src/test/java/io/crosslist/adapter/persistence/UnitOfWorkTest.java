package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.detailsTitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnitOfWorkTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final Persistence db = Persistence.get();

  private int countOf(TenantId tenant) {
    return db.products.search(tenant, ProductSearch.firstPage()).items().size();
  }

  @Test
  void everything_in_a_unit_commits_together() {
    TenantId t = db.newTenant();
    db.unitOfWork.inTransaction(t, () -> {
      db.products.add(t, Product.newDraft(detailsTitled("one"), NOW));
      // nested units for the same tenant join the outer transaction
      return db.unitOfWork.inTransaction(t, () -> db.products.add(t, Product.newDraft(detailsTitled("two"), NOW)));
    });
    assertEquals(2, countOf(t));
  }

  @Test
  void a_failure_rolls_back_everything_the_unit_wrote() {
    TenantId t = db.newTenant();
    assertThrows(IllegalStateException.class, () -> db.unitOfWork.inTransaction(t, () -> {
      db.products.add(t, Product.newDraft(detailsTitled("one"), NOW));
      db.unitOfWork.inTransaction(t, () -> db.products.add(t, Product.newDraft(detailsTitled("two"), NOW)));
      throw new IllegalStateException("boom");
    }));
    assertEquals(0, countOf(t));
  }

  @Test
  void a_unit_for_one_tenant_refuses_statements_for_another() {
    TenantId a = db.newTenant();
    TenantId b = db.newTenant();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.unitOfWork.inTransaction(a, () -> {
      db.products.add(a, Product.newDraft(detailsTitled("a"), NOW));
      return db.products.add(b, Product.newDraft(detailsTitled("b"), NOW));
    }));
    assertTrue(e.getMessage().contains("one transaction serves one tenant"), e.getMessage());
    assertEquals(0, countOf(a), "the refusal rolled back A's write too");
    assertEquals(0, countOf(b));
    assertThrows(IllegalStateException.class, () -> db.unitOfWork.inTransaction(a,
        () -> db.unitOfWork.inTransaction(b, () -> 1)));
  }
}
