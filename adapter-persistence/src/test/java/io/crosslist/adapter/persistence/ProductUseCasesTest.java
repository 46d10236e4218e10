package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static io.crosslist.domain.product.ProductFixtures.detailsTitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosslist.application.product.port.in.ChangeProductStatusUseCase.ChangeProductStatusCommand;
import io.crosslist.application.product.port.in.CreateProductUseCase.CreateProductCommand;
import io.crosslist.application.product.port.in.UpdateProductUseCase.UpdateProductCommand;
import io.crosslist.application.product.service.ChangeProductStatusService;
import io.crosslist.application.product.service.CleanUpAbandonedDraftsService;
import io.crosslist.application.product.service.CreateProductService;
import io.crosslist.application.product.service.DeleteProductService;
import io.crosslist.application.product.service.ProductQueryService;
import io.crosslist.application.product.service.UpdateProductService;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.product.IllegalStatusTransitionException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The product use cases end to end on the real adapter, with a clock the test moves. */
class ProductUseCasesTest {
  private final Persistence db = Persistence.get();
  private Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final Clock movable = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return clock.instant(); }
  };
  private final CreateProductService create = new CreateProductService(db.products, movable);
  private final UpdateProductService update = new UpdateProductService(db.products, db.unitOfWork, movable);
  private final ChangeProductStatusService status = new ChangeProductStatusService(db.products, db.unitOfWork, movable);
  private final ProductQueryService query = new ProductQueryService(db.products);
  private final DeleteProductService delete = new DeleteProductService(db.products, movable);
  private final CleanUpAbandonedDraftsService cleanUp = new CleanUpAbandonedDraftsService(db.products, movable);

  private void advance(Duration d) {
    clock = Clock.offset(clock, d);
  }

  @Test
  void a_product_lives_through_create_edit_publish_sell_and_its_history_is_guarded() {
    TenantId t = db.newTenant();
    Product p = create.create(new CreateProductCommand(t, defaultDetails()));
    assertEquals(ProductStatus.DRAFT, p.status());

    advance(Duration.ofMinutes(1));
    Product edited = update.update(new UpdateProductCommand(t, p.id(), 0, detailsTitled("Edited")));
    assertEquals(1, edited.version());
    assertThrows(ConcurrentUpdateException.class,
        () -> update.update(new UpdateProductCommand(t, p.id(), 0, detailsTitled("Stale"))));

    Product published = status.changeStatus(new ChangeProductStatusCommand(t, p.id(), ProductStatus.PUBLISHED,
        OptionalLong.of(1)));
    Product sold = status.changeStatus(new ChangeProductStatusCommand(t, p.id(), ProductStatus.SOLD,
        OptionalLong.empty()));
    assertEquals(published.version() + 1, sold.version());
    assertThrows(IllegalStatusTransitionException.class, () -> status.changeStatus(
        new ChangeProductStatusCommand(t, p.id(), ProductStatus.DRAFT, OptionalLong.empty())));
    assertEquals(sold, query.get(t, p.id()));

    delete.delete(t, p.id());
    assertThrows(ProductNotFoundException.class, () -> query.get(t, p.id()));
    assertThrows(ProductNotFoundException.class, () -> delete.delete(t, p.id()));
  }

  @Test
  void abandoned_drafts_are_cleaned_up_after_the_given_number_of_days() {
    TenantId t = db.newTenant();
    create.create(new CreateProductCommand(t, defaultDetails()));
    advance(Duration.ofDays(20));
    create.create(new CreateProductCommand(t, defaultDetails()));
    advance(Duration.ofDays(11));
    assertEquals(1, cleanUp.cleanUp(t, 30));
    assertEquals(0, cleanUp.cleanUp(t, 30), "the clean-up is repeatable");
    assertEquals(1, query.list(t, ProductSearch.firstPage()).items().size());
    assertEquals("olderThanDays: must be between 1 and 3650",
        assertThrows(ValidationException.class, () -> cleanUp.cleanUp(t, 0)).getMessage());
  }
}
