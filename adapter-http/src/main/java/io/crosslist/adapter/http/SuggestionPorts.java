package io.crosslist.adapter.http;

import io.crosslist.application.suggestion.port.in.ApplySuggestionUseCase;
import io.crosslist.application.suggestion.port.in.DiscardSuggestionUseCase;
import io.crosslist.application.suggestion.port.in.ListSuggestionsUseCase;
import io.crosslist.application.suggestion.port.in.SuggestListingUseCase;
import io.crosslist.application.suggestion.port.in.SuggestListingsUseCase;
import java.util.Objects;

/** The listing-suggestion in-ports the HTTP API calls. */
public record SuggestionPorts(SuggestListingUseCase suggest, SuggestListingsUseCase suggestMany,
    ListSuggestionsUseCase list, ApplySuggestionUseCase apply, DiscardSuggestionUseCase discard) {
  public SuggestionPorts {
    Objects.requireNonNull(suggest, "suggest");
    Objects.requireNonNull(suggestMany, "suggestMany");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(apply, "apply");
    Objects.requireNonNull(discard, "discard");
  }
}
