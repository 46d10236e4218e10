package io.crosslist.domain.suggestion;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Out-port: a tenant's listing suggestions, and the product lists of its bulk suggestion jobs. */
public interface ListingSuggestionRepository {

  /** Stores a new suggestion; returns it with its id. */
  ListingSuggestion add(TenantId tenant, ListingSuggestion suggestion);

  Optional<ListingSuggestion> find(TenantId tenant, ProductId product, SuggestionId id);

  /** The product's suggestions, newest first; of one status when {@code status} is not null. */
  List<ListingSuggestion> listFor(TenantId tenant, ProductId product, SuggestionStatus status);

  /**
   * Stores a decision (APPLIED or DISCARDED) of a suggestion that is SUGGESTED; false when it is not (any more).
   */
  boolean decide(TenantId tenant, ListingSuggestion decided);

  /** The products that already have a suggestion made by {@code job} (a retried job skips them). */
  Set<ProductId> suggestedBy(TenantId tenant, JobId job);

  /** Stores a bulk job's product list (once per job: storing it again changes nothing). */
  void saveRun(TenantId tenant, SuggestionRun run);

  Optional<SuggestionRun> findRun(TenantId tenant, JobId job);
}
