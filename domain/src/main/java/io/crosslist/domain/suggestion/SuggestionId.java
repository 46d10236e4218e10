package io.crosslist.domain.suggestion;

/** Identity of a listing suggestion inside its tenant's schema. */
public record SuggestionId(long value) {
  public SuggestionId {
    if (value <= 0) {
      throw new IllegalArgumentException("suggestion id must be positive, got " + value);
    }
  }

  public static SuggestionId of(long value) {
    return new SuggestionId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
