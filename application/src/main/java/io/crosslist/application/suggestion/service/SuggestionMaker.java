package io.crosslist.application.suggestion.service;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.marketplace.ListingLimits;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import io.crosslist.domain.suggestion.SuggestionField;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Asks the suggester for one product and marketplace and checks the answer: only the fields asked for are kept,
 * and they must fit the marketplace's limits. An answer that does not fit is a failure, never a product change.
 * Stores nothing: its callers do, outside any network call.
 */
final class SuggestionMaker {
  private final ListingSuggester suggester;
  private final SuggestionUsage usage;
  private final Clock clock;

  SuggestionMaker(ListingSuggester suggester, SuggestionUsage usage, Clock clock) {
    this.suggester = Objects.requireNonNull(suggester, "suggester");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @throws SuggestionFailedException when the suggester fails or its answer breaks a rule */
  ListingSuggestion make(Product product, Marketplace marketplace, Set<SuggestionField> fields, JobId job) {
    ListingLimits limits = marketplace.limits();
    SuggestedListing proposal;
    try {
      proposal = suggester.suggest(new ListingSuggester.Request(product, marketplace, limits, fields));
    } catch (SuggestionFailedException e) {
      usage.countFailed();
      throw e;
    } catch (ValidationException e) {
      usage.countFailed();
      throw new SuggestionFailedException(false, "the suggester's answer is malformed: " + e.getMessage());
    }
    if (proposal == null) {
      usage.countFailed();
      throw new SuggestionFailedException(false, "the suggester answered nothing");
    }
    usage.spent(proposal.usage()); // spent even when the answer does not fit
    SuggestedListing fitting;
    try {
      fitting = proposal.fitting(limits, fields);
    } catch (ValidationException e) {
      usage.countFailed();
      throw new SuggestionFailedException(false, proposal.source() + "'s answer for " + marketplace
          + " breaks a rule: " + e.getMessage());
    }
    usage.countMade();
    return ListingSuggestion.suggested(product.id(), marketplace, fitting, product.version(), job, clock.instant());
  }
}
