package io.crosslist.domain;

/** Base type of every error the domain reports to its callers; adapters map each subtype to a response. */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }
}
