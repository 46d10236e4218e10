package io.crosslist.domain.suggestion;

import io.crosslist.domain.DomainException;
import io.crosslist.domain.product.ProductId;

/**
 * A suggestion cannot be applied or discarded: it was decided before ({@link Kind#DECIDED}), or its product changed
 * since it was made ({@link Kind#STALE}: ask for a new one). Nothing was written.
 */
public final class SuggestionConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Kind { DECIDED, STALE }

  private final Kind kind;

  private SuggestionConflictException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static SuggestionConflictException decided(SuggestionId id, SuggestionStatus status,
      SuggestionStatus target) {
    return new SuggestionConflictException(Kind.DECIDED, "suggestion " + id + " is " + status + " already; it cannot"
        + " become " + target);
  }

  /** Another request applied or discarded it while this one was deciding. */
  public static SuggestionConflictException decidedMeanwhile(SuggestionId id) {
    return new SuggestionConflictException(Kind.DECIDED, "suggestion " + id + " was applied or discarded by another"
        + " request meanwhile");
  }

  public static SuggestionConflictException stale(SuggestionId id, ProductId product, long madeFrom, long current) {
    return new SuggestionConflictException(Kind.STALE, "suggestion " + id + " was made from version " + madeFrom
        + " of product " + product + ", which is at version " + current + " now; ask for a new suggestion");
  }

  public Kind kind() {
    return kind;
  }
}
