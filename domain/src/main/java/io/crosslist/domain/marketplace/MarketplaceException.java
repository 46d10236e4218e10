package io.crosslist.domain.marketplace;

import io.crosslist.domain.DomainException;

/**
 * A marketplace refused or failed a call. {@link #retryable()} tells the engine whether another
 * attempt may succeed (timeouts, rate limits, 5xx) or not (a rejected listing, a revoked account).
 */
public class MarketplaceException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final Marketplace marketplace;
  private final boolean retryable;

  public MarketplaceException(Marketplace marketplace, boolean retryable, String message) {
    super(marketplace + ": " + message);
    this.marketplace = marketplace;
    this.retryable = retryable;
  }

  public Marketplace marketplace() {
    return marketplace;
  }

  public boolean retryable() {
    return retryable;
  }
}
