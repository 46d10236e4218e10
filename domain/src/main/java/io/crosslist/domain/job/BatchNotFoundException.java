package io.crosslist.domain.job;

import io.crosslist.domain.DomainException;

/** No batch with this id in the tenant's schema. */
public final class BatchNotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public BatchNotFoundException(BatchId id) {
    super("batch " + id + " does not exist");
  }
}
