package io.crosslist.domain;

/** Optimistic locking lost: the stored version is not the one the caller read. Nothing was written. */
public final class ConcurrentUpdateException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConcurrentUpdateException(String entity, Object id, long expectedVersion) {
    super(entity + " " + id + " was changed by someone else: expected version " + expectedVersion
        + " is no longer current; reload and retry");
  }
}
