package io.crosslist.domain.suggestion;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.product.ProductId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a bulk suggestion job works through: its products, in order, and the fields asked for. Stored with the job
 * when it is enqueued, so a retried job reads the same list.
 *
 * @param products 1 to {@link #MAX_PRODUCTS} products
 */
public record SuggestionRun(JobId job, List<ProductId> products, Set<SuggestionField> fields) {
  /** Most products one job suggests for. */
  public static final int MAX_PRODUCTS = 1_000;

  public SuggestionRun {
    Objects.requireNonNull(job, "job");
    products = List.copyOf(products);
    fields = Set.copyOf(fields);
  }
}
