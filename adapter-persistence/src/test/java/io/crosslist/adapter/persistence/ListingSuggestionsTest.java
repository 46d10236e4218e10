package io.crosslist.adapter.persistence;

import static io.crosslist.domain.product.ProductFixtures.defaultDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.application.job.service.JobEnqueueService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.product.service.UpdateProductService;
import io.crosslist.application.suggestion.port.in.SuggestListingUseCase.SuggestListingCommand;
import io.crosslist.application.suggestion.port.in.SuggestListingsUseCase.SuggestListingsCommand;
import io.crosslist.application.suggestion.service.ListingSuggestionService;
import io.crosslist.application.suggestion.service.SuggestListingsHandler;
import io.crosslist.application.suggestion.service.SuggestListingsService;
import io.crosslist.application.suggestion.service.SuggestionUsage;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobHandler.JobOutcome;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.ListingSuggestionRepository;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionConflictException;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.SuggestionStatus;
import io.crosslist.domain.suggestion.TokenUsage;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Listing suggestions on real PostgreSQL: stored, listed, applied through the product update, discarded, in bulk. */
class ListingSuggestionsTest {
  private final Persistence db = Persistence.get();
  private final Clock clock = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);
  private final ListingSuggestionRepository repository = db.injector.getInstance(ListingSuggestionRepository.class);
  private final SuggestionUsage usage = new SuggestionUsage();
  private final AtomicInteger calls = new AtomicInteger();
  private Function<ListingSuggester.Request, SuggestedListing> answer = r -> new SuggestedListing(
      "Nike sneakers " + r.marketplace(), "Clean and comfortable.", Map.of("colour", "black"), "test-model",
      new TokenUsage(12, 34));
  private final ListingSuggester suggester = request -> {
    calls.incrementAndGet();
    return answer.apply(request);
  };
  private final UpdateProductService updates = new UpdateProductService(db.products, db.unitOfWork, clock);
  private final ListingSuggestionService service = new ListingSuggestionService(db.products, repository, updates,
      db.unitOfWork, suggester, usage, clock);

  private Product product(TenantId tenant) {
    return db.products.add(tenant, Product.newDraft(defaultDetails(), clock.instant()));
  }

  private ListingSuggestion suggestOne(TenantId tenant, Product p) {
    return service.suggest(new SuggestListingCommand(tenant, p.id(), List.of(Marketplace.EBAY), Set.of())).get(0);
  }

  @Test
  void a_suggestion_is_stored_per_marketplace_with_its_source_and_tokens_and_the_product_is_unchanged() {
    TenantId tenant = db.newTenant();
    Product p = product(tenant);
    List<ListingSuggestion> made = service.suggest(new SuggestListingCommand(tenant, p.id(),
        List.of(Marketplace.EBAY, Marketplace.ETSY), Set.of(SuggestionField.TITLE, SuggestionField.ATTRIBUTES)));
    assertEquals(2, made.size());
    ListingSuggestion ebay = made.get(0);
    assertEquals("Nike sneakers EBAY", ebay.content().title());
    assertNull(ebay.content().description(), "a field not asked for is not kept");
    assertEquals(Map.of("colour", "black"), ebay.content().attributes());
    assertEquals(new TokenUsage(12, 34), ebay.content().usage());
    assertEquals(SuggestionStatus.SUGGESTED, ebay.status());
    assertEquals(p.version(), ebay.productVersion());

    List<ListingSuggestion> listed = service.list(tenant, p.id(), null);
    assertEquals(List.of(made.get(1), made.get(0)), listed, "newest first, read back as written");
    assertEquals(List.of(), service.list(tenant, p.id(), SuggestionStatus.APPLIED));
    assertEquals(p, db.products.findById(tenant, p.id()).orElseThrow(), "suggesting changes no product");
    assertEquals(24, usage.promptTokens());
    assertEquals(68, usage.completionTokens());
  }

  @Test
  void applying_changes_the_product_through_its_update_and_only_once() {
    TenantId tenant = db.newTenant();
    Product p = product(tenant);
    ListingSuggestion s = suggestOne(tenant, p);
    Product applied = service.apply(tenant, p.id(), s.id());
    assertEquals("Nike sneakers EBAY", applied.details().title());
    assertEquals("Clean and comfortable.", applied.details().description());
    assertEquals("black", applied.details().colour());
    assertEquals("nike", applied.details().brand(), "what is not proposed stays");
    assertEquals(p.version() + 1, applied.version());
    assertEquals(SuggestionStatus.APPLIED, service.list(tenant, p.id(), null).get(0).status());

    SuggestionConflictException again = assertThrows(SuggestionConflictException.class,
        () -> service.apply(tenant, p.id(), s.id()));
    assertEquals(SuggestionConflictException.Kind.DECIDED, again.kind());
  }

  @Test
  void a_suggestion_for_a_product_that_changed_since_is_refused_as_stale_and_nothing_is_written() {
    TenantId tenant = db.newTenant();
    Product p = product(tenant);
    ListingSuggestion s = suggestOne(tenant, p);
    Product edited = db.products.update(tenant, p.withDetails(p.details().withStockQuantity(3), clock.instant()));
    SuggestionConflictException stale = assertThrows(SuggestionConflictException.class,
        () -> service.apply(tenant, p.id(), s.id()));
    assertEquals(SuggestionConflictException.Kind.STALE, stale.kind());
    assertTrue(stale.getMessage().contains("version " + p.version()), stale.getMessage());
    assertEquals(edited, db.products.findById(tenant, p.id()).orElseThrow());
    assertEquals(SuggestionStatus.SUGGESTED, service.list(tenant, p.id(), null).get(0).status());
  }

  @Test
  void an_unknown_attribute_code_is_refused_at_apply_and_rolls_everything_back() {
    TenantId tenant = db.newTenant();
    Product p = product(tenant);
    answer = r -> new SuggestedListing("New title", null, Map.of("brand", "no-such-brand"), "test-model", null);
    ListingSuggestion s = suggestOne(tenant, p);
    UnknownReferenceException e = assertThrows(UnknownReferenceException.class,
        () -> service.apply(tenant, p.id(), s.id()));
    assertEquals("brand", e.field());
    assertEquals(p, db.products.findById(tenant, p.id()).orElseThrow());
    assertEquals(SuggestionStatus.SUGGESTED, service.list(tenant, p.id(), null).get(0).status());
  }

  @Test
  void a_discarded_suggestion_changes_nothing_and_cannot_be_applied() {
    TenantId tenant = db.newTenant();
    Product p = product(tenant);
    ListingSuggestion s = suggestOne(tenant, p);
    ListingSuggestion discarded = service.discard(tenant, p.id(), s.id());
    assertEquals(SuggestionStatus.DISCARDED, discarded.status());
    assertEquals(clock.instant(), discarded.decidedAt());
    assertEquals(discarded, service.list(tenant, p.id(), SuggestionStatus.DISCARDED).get(0));
    assertThrows(SuggestionConflictException.class, () -> service.apply(tenant, p.id(), s.id()));
    assertEquals(p, db.products.findById(tenant, p.id()).orElseThrow());
  }

  @Test
  void a_failing_suggester_or_an_answer_over_the_limits_stores_nothing() {
    TenantId tenant = db.newTenant();
    Product p = product(tenant);
    answer = r -> new SuggestedListing("x".repeat(81), null, Map.of(), "test-model", new TokenUsage(5, 5));
    SuggestionFailedException tooLong = assertThrows(SuggestionFailedException.class, () -> suggestOne(tenant, p));
    assertTrue(tooLong.getMessage().contains("title: must be at most 80 characters"), tooLong.getMessage());
    assertEquals(false, tooLong.retryable());
    answer = r -> {
      throw new SuggestionFailedException(true, "rate limited");
    };
    assertThrows(SuggestionFailedException.class, () -> suggestOne(tenant, p));
    assertEquals(List.of(), service.list(tenant, p.id(), null));
    assertEquals(2, usage.failures());
    assertEquals(10, usage.promptTokens() + usage.completionTokens(), "tokens spent on a refused answer count");
  }

  @Test
  void a_bulk_job_suggests_for_each_product_reports_the_failures_and_resumes_after_an_outage() {
    TenantId tenant = db.newTenant();
    Product a = product(tenant);
    Product b = product(tenant);
    Product c = product(tenant);
    SuggestListingsHandler handler = new SuggestListingsHandler(Marketplace.EBAY, db.products, repository, suggester,
        usage, clock);
    JobHandlers handlers = new JobHandlers(List.of(handler));
    SuggestListingsService bulk = new SuggestListingsService(db.products, repository, new JobEnqueueService(db.jobs,
        db.batches, db.products, db.unitOfWork, clock, handlers), handlers, db.unitOfWork);

    ValidationException unknown = assertThrows(ValidationException.class, () -> bulk.start(new SuggestListingsCommand(
        tenant, Marketplace.EBAY, List.of(a.id(), ProductId.of(999_999)), null, Set.of())));
    assertEquals("productIds[1]", unknown.violations().get(0).field());
    ValidationException unserved = assertThrows(ValidationException.class, () -> bulk.start(
        new SuggestListingsCommand(tenant, Marketplace.VINTED, List.of(a.id()), null, Set.of())));
    assertEquals("marketplace", unserved.violations().get(0).field());

    MarketplaceJob job = bulk.start(new SuggestListingsCommand(tenant, Marketplace.EBAY, List.of(a.id(), b.id(),
        c.id()), null, Set.of(SuggestionField.TITLE)));
    // first attempt: a is suggested, then the service is down
    answer = r -> {
      if (!r.product().id().equals(a.id())) {
        throw new SuggestionFailedException(true, "HTTP 503 after 3 attempts");
      }
      return new SuggestedListing("Title for a", null, Map.of(), "test-model", null);
    };
    List<JobProgress> progress = new ArrayList<>();
    JobHandler.JobContext context = new JobHandler.JobContext(tenant, job, progress::add, () -> false);
    JobOutcome first = handler.handle(context);
    assertInstanceOf(JobOutcome.RetryableFailure.class, first);
    assertTrue(((JobOutcome.RetryableFailure) first).error().contains("1 of 3 suggested"), first.toString());

    // second attempt: b's answer breaks the limits, c is fine; a is not asked again
    calls.set(0);
    answer = r -> new SuggestedListing(r.product().id().equals(b.id()) ? "y".repeat(200) : "Title for c", null,
        Map.of(), "test-model", null);
    progress.clear();
    JobOutcome second = handler.handle(context);
    assertEquals(2, calls.get(), "the product suggested in the first attempt is skipped");
    String report = ((JobOutcome.Success) second).resultJson();
    assertTrue(report.startsWith("{\"requested\":3,\"suggested\":2,\"failed\":1,\"failures\":[{\"product\":"
        + b.id().value() + ",\"error\":\"test-model's answer for EBAY breaks a rule: title: must be at most 80"),
        report);
    assertEquals(new JobProgress(3, 3, "suggested 2, failed 1 of 3"), progress.get(progress.size() - 1));
    assertEquals(3, progress.size(), "progress after each product");
    assertEquals(job.id(), service.list(tenant, c.id(), null).get(0).job());
    assertEquals(List.of(), service.list(tenant, b.id(), null));
    assertEquals(a, db.products.findById(tenant, a.id()).orElseThrow(), "a job changes no product");
  }

  @Test
  void a_bulk_job_selects_the_products_of_a_status() {
    TenantId tenant = db.newTenant();
    Product a = product(tenant);
    SuggestListingsHandler handler = new SuggestListingsHandler(Marketplace.ETSY, db.products, repository, suggester,
        usage, clock);
    JobHandlers handlers = new JobHandlers(List.of(handler));
    SuggestListingsService bulk = new SuggestListingsService(db.products, repository, new JobEnqueueService(db.jobs,
        db.batches, db.products, db.unitOfWork, clock, handlers), handlers, db.unitOfWork);
    MarketplaceJob job = bulk.start(new SuggestListingsCommand(tenant, Marketplace.ETSY, null, ProductStatus.DRAFT,
        Set.of()));
    assertEquals(List.of(a.id()), repository.findRun(tenant, job.id()).orElseThrow().products());
    assertEquals(SuggestionField.all(), repository.findRun(tenant, job.id()).orElseThrow().fields());
    ValidationException none = assertThrows(ValidationException.class, () -> bulk.start(new SuggestListingsCommand(
        tenant, Marketplace.ETSY, null, ProductStatus.SOLD, Set.of())));
    assertEquals("status", none.violations().get(0).field());
  }
}
