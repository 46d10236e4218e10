package io.crosslist.application.suggestion.service;

import io.crosslist.application.job.handler.JsonText;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.ListingSuggestionRepository;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import io.crosslist.domain.suggestion.SuggestionRun;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <marketplace> SUGGEST_LISTINGS}: suggests for each product of the job's {@link SuggestionRun}, one after
 * another, storing each suggestion as it comes and reporting progress after each product. A product the suggester
 * fails for, or whose answer breaks a rule, is named in the job's report and the job goes on; when the suggester
 * is unavailable (rate-limited, down, too slow after its own retries) the attempt ends as a retryable failure and
 * the next attempt resumes after the products already suggested by this job. Products are never changed.
 *
 * <p>Report ({@code result}): {@code {"requested":3,"suggested":2,"failed":1,"failures":[{"product":7,
 * "error":"..."}]}}, with at most {@value #MAX_REPORTED} failures listed.
 */
public final class SuggestListingsHandler implements JobHandler {
  /** The action of bulk suggestion jobs. */
  public static final JobAction ACTION = JobAction.of("SUGGEST_LISTINGS");
  static final int MAX_REPORTED = 20;
  private static final int MAX_ERROR = 300;
  private final Marketplace marketplace;
  private final ProductRepository products;
  private final ListingSuggestionRepository suggestions;
  private final SuggestionMaker maker;

  public SuggestListingsHandler(Marketplace marketplace, ProductRepository products,
      ListingSuggestionRepository suggestions, ListingSuggester suggester, SuggestionUsage usage, Clock clock) {
    this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
    this.products = Objects.requireNonNull(products, "products");
    this.suggestions = Objects.requireNonNull(suggestions, "suggestions");
    this.maker = new SuggestionMaker(suggester, usage, clock);
  }

  @Override
  public Marketplace marketplace() {
    return marketplace;
  }

  @Override
  public JobAction action() {
    return ACTION;
  }

  @Override
  public boolean needsProduct() {
    return false; // the products are the job's run
  }

  @Override
  public JobOutcome handle(JobContext context) {
    TenantId tenant = context.tenant();
    JobId job = context.job().id();
    Optional<SuggestionRun> found = suggestions.findRun(tenant, job);
    if (found.isEmpty()) {
      return JobOutcome.permanentFailure("job " + job + " has no product list (start it with POST /suggestions/jobs)");
    }
    SuggestionRun run = found.get();
    Set<ProductId> done = suggestions.suggestedBy(tenant, job);
    int total = run.products().size();
    int suggested = 0;
    Map<ProductId, String> failures = new LinkedHashMap<>();
    for (int i = 0; i < total; i++) {
      if (context.cancellation().isCancelled()) {
        return JobOutcome.cancelled();
      }
      ProductId id = run.products().get(i);
      if (done.contains(id)) {
        suggested++;
      } else {
        Optional<Product> product = products.findById(tenant, id);
        if (product.isEmpty()) {
          failures.put(id, "product " + id + " does not exist (any more)");
        } else {
          try {
            suggestions.add(tenant, maker.make(product.get(), marketplace, run.fields(), job));
            suggested++;
          } catch (SuggestionFailedException e) {
            if (e.retryable()) {
              return JobOutcome.retryableFailure("the suggester is unavailable (" + e.getMessage() + "); " + suggested
                  + " of " + total + " suggested, the next attempt goes on from there");
            }
            failures.put(id, e.getMessage());
          }
        }
      }
      context.progress().report(new JobProgress(i + 1, total, "suggested " + suggested + ", failed "
          + failures.size() + " of " + total));
    }
    return JobOutcome.success(report(total, suggested, failures));
  }

  private static String report(int total, int suggested, Map<ProductId, String> failures) {
    List<JsonText> reported = failures.entrySet().stream().limit(MAX_REPORTED).map(f -> {
      String error = f.getValue() == null ? "" : f.getValue();
      return JsonText.object().with("product", f.getKey().value())
          .with("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) + "..." : error);
    }).toList();
    return JsonText.object().with("requested", total).with("suggested", suggested).with("failed", failures.size())
        .with("failures", reported).toString();
  }
}
