package io.crosslist.application.job.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.job.port.in.ListJobTypesUseCase.SupportedJobType;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductId;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobHandlersTest {
  private static final Marketplace DEPOP = Marketplace.of("DEPOP");
  private static final JobAction REPRICE = JobAction.of("REPRICE");
  private static final JobAction REFRESH_FEED = JobAction.of("REFRESH_FEED");

  /** A handler of one type; {@code needsProduct} null leaves the interface's default. */
  private static JobHandler handler(Marketplace marketplace, JobAction action, Boolean needsProduct) {
    return new JobHandler() {
      @Override
      public Marketplace marketplace() {
        return marketplace;
      }

      @Override
      public JobAction action() {
        return action;
      }

      @Override
      public boolean needsProduct() {
        return needsProduct == null ? JobHandler.super.needsProduct() : needsProduct;
      }

      @Override
      public JobOutcome handle(JobContext context) {
        return JobOutcome.success(null);
      }
    };
  }

  private final JobHandlers handlers = new JobHandlers(List.of(
      handler(Marketplace.VINTED, JobAction.PUBLISH, null),
      handler(Marketplace.EBAY, JobAction.SYNC_ORDERS, null),
      handler(DEPOP, REPRICE, true),
      handler(DEPOP, REFRESH_FEED, false),
      handler(Marketplace.EBAY, REPRICE, true)));

  @Test
  void the_served_types_are_listed_by_marketplace_then_action_with_whether_they_name_a_product() {
    assertEquals(List.of(
        new SupportedJobType(DEPOP, REFRESH_FEED, false),
        new SupportedJobType(DEPOP, REPRICE, true),
        new SupportedJobType(Marketplace.EBAY, REPRICE, true),
        new SupportedJobType(Marketplace.EBAY, JobAction.SYNC_ORDERS, false),
        new SupportedJobType(Marketplace.VINTED, JobAction.PUBLISH, true)), handlers.jobTypes());
    assertEquals(List.of(DEPOP, Marketplace.EBAY, Marketplace.VINTED), handlers.marketplaces());
  }

  @Test
  void a_host_type_is_found_by_equal_values_not_the_same_instances() {
    assertTrue(handlers.find(Marketplace.of("DEPOP"), JobAction.of("REPRICE")).isPresent());
    assertTrue(handlers.find(Marketplace.of("DEPOP"), JobAction.PUBLISH).isEmpty());
  }

  @Test
  void enqueue_of_a_type_no_handler_serves_is_refused_naming_the_served_ones() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> handlers.requireServed(JobRequest.of(DEPOP, JobAction.PUBLISH, ProductId.of(1))));
    assertEquals("action: no handler serves DEPOP PUBLISH here; supported: DEPOP REFRESH_FEED, DEPOP REPRICE,"
        + " EBAY REPRICE, EBAY SYNC_ORDERS, VINTED PUBLISH", e.getMessage());
    assertThrows(ValidationException.class,
        () -> handlers.requireServed(JobRequest.of(Marketplace.of("POSHMARK"), REPRICE, ProductId.of(1))));
  }

  @Test
  void a_product_is_required_or_refused_as_the_type_declares() {
    assertDoesNotThrow(() -> handlers.requireServed(JobRequest.of(DEPOP, REPRICE, ProductId.of(1))));
    assertDoesNotThrow(() -> handlers.requireServed(JobRequest.of(DEPOP, REFRESH_FEED, null)));
    assertEquals("product: is required for DEPOP REPRICE", assertThrows(ValidationException.class,
        () -> handlers.requireServed(JobRequest.of(DEPOP, REPRICE, null))).getMessage());
    assertEquals("product: must be absent for DEPOP REFRESH_FEED", assertThrows(ValidationException.class,
        () -> handlers.requireServed(JobRequest.of(DEPOP, REFRESH_FEED, ProductId.of(1)))).getMessage());
    // the built-in actions keep their rule
    assertEquals("product: is required for VINTED PUBLISH", assertThrows(ValidationException.class,
        () -> handlers.requireServed(JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, null))).getMessage());
    assertEquals("product: must be absent for EBAY SYNC_ORDERS", assertThrows(ValidationException.class,
        () -> handlers.requireServed(JobRequest.of(Marketplace.EBAY, JobAction.SYNC_ORDERS, ProductId.of(1))))
        .getMessage());
  }

  @Test
  void a_second_handler_for_a_type_is_refused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JobHandlers(List.of(
        handler(DEPOP, REPRICE, true), handler(Marketplace.of("DEPOP"), JobAction.of("REPRICE"), true))));
    assertTrue(e.getMessage().startsWith("two handlers for DEPOP REPRICE: "), e.getMessage());
  }

  @Test
  void a_handler_of_a_new_action_must_declare_whether_its_jobs_name_a_product() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new JobHandlers(List.of(handler(DEPOP, REPRICE, null))));
    assertTrue(e.getMessage().endsWith(" handles the new action REPRICE: it must declare needsProduct() (whether its"
        + " jobs name a product)"), e.getMessage());
  }

  @Test
  void a_handler_cannot_change_a_built_in_actions_product_rule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JobHandlers(List.of(handler(DEPOP, JobAction.PUBLISH, false))));
    assertTrue(e.getMessage().endsWith(" says DEPOP PUBLISH jobs do not name a product, but PUBLISH jobs always do"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new JobHandlers(List.of(handler(DEPOP, JobAction.SYNC_ORDERS, true))));
    // the same rule, declared, is fine
    JobHandler declared = handler(DEPOP, JobAction.PUBLISH, true);
    assertSame(declared, new JobHandlers(List.of(declared)).find(DEPOP, JobAction.PUBLISH).orElseThrow());
  }
}
