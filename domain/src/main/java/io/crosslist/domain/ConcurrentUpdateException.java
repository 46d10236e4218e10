package io.crosslist.domain;

/** Optimistic locking lost: the stored version is not the one the caller read. Nothing was written. */
public final class ConcurrentUpdateException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConcurrentUpdateException(String entity, Object id, long expectedVersion) {
    this(entity, id, "version " + expectedVersion);
  }

  /** @param expectedState what the caller read, e.g. {@code version 3} or {@code PENDING after 1 attempts} */
  public ConcurrentUpdateException(String entity, Object id, String expectedState) {
    super(entity + " " + id + " was changed by someone else: expected " + expectedState
        + " is no longer current; reload and retry");
  }
}
