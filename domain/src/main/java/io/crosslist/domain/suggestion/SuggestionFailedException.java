package io.crosslist.domain.suggestion;

import io.crosslist.domain.DomainException;

/**
 * A {@link ListingSuggester} could not propose anything: the service was unavailable, rate-limited or too slow
 * ({@link #retryable()}: asking again later may work), or its answer was malformed or broke a rule (not retryable).
 * Its message says why and never holds a credential. No product was changed.
 */
public final class SuggestionFailedException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public SuggestionFailedException(boolean retryable, String message) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
