package io.crosslist.domain.suggestion;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A stored suggestion for one product on one marketplace. It changes nothing by itself: the reseller {@linkplain
 * #applied applies} it (the product takes its fields) or {@linkplain #discarded discards} it, once.
 *
 * @param id null until stored
 * @param content what was proposed, within the marketplace's limits
 * @param productVersion the product's version the suggestion was made from; applying it to a product that changed
 *     since is refused
 * @param job the bulk job that made it, or null when it was asked for alone
 * @param decidedAt when it was applied or discarded, or null
 */
public record ListingSuggestion(SuggestionId id, ProductId product, Marketplace marketplace, SuggestedListing content,
    SuggestionStatus status, long productVersion, JobId job, Instant createdAt, Instant decidedAt) {

  public ListingSuggestion {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new suggestion, not stored yet. */
  public static ListingSuggestion suggested(ProductId product, Marketplace marketplace, SuggestedListing content,
      long productVersion, JobId job, Instant now) {
    return new ListingSuggestion(null, product, marketplace, content, SuggestionStatus.SUGGESTED, productVersion, job,
        now.truncatedTo(ChronoUnit.MICROS), null);
  }

  /** The same suggestion with the id the store gave it. */
  public ListingSuggestion stored(SuggestionId storedId) {
    return new ListingSuggestion(Objects.requireNonNull(storedId, "storedId"), product, marketplace, content, status,
        productVersion, job, createdAt, decidedAt);
  }

  /** SUGGESTED to APPLIED; refused when it was decided before. */
  public ListingSuggestion applied(Instant now) {
    return decide(SuggestionStatus.APPLIED, now);
  }

  /** SUGGESTED to DISCARDED; refused when it was decided before. */
  public ListingSuggestion discarded(Instant now) {
    return decide(SuggestionStatus.DISCARDED, now);
  }

  /** {@code details} with the fields this suggestion proposes in place of theirs (validated like any details). */
  public ProductDetails applyTo(ProductDetails details) {
    SuggestedListing c = content;
    Map<String, String> a = c.attributes();
    return new ProductDetails(c.title() != null ? c.title() : details.title(),
        c.description() != null ? c.description() : details.description(), details.price(),
        a.getOrDefault("brand", details.brand()), a.getOrDefault("category", details.category()),
        a.getOrDefault("condition", details.condition()), a.getOrDefault("size", details.size()),
        a.getOrDefault("colour", details.colour()), details.stockQuantity(), details.imageUrls());
  }

  private ListingSuggestion decide(SuggestionStatus target, Instant now) {
    if (status != SuggestionStatus.SUGGESTED) {
      throw SuggestionConflictException.decided(id, status, target);
    }
    return new ListingSuggestion(id, product, marketplace, content, target, productVersion, job, createdAt,
        now.truncatedTo(ChronoUnit.MICROS));
  }
}
