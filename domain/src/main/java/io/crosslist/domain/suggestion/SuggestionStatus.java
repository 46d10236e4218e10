package io.crosslist.domain.suggestion;

/** Where a suggestion stands: made and waiting for the reseller, applied to the product, or discarded. */
public enum SuggestionStatus {
  SUGGESTED,
  APPLIED,
  DISCARDED
}
