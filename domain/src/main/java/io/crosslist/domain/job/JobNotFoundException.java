package io.crosslist.domain.job;

import io.crosslist.domain.DomainException;

/** No job with this id in the tenant's schema. */
public final class JobNotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public JobNotFoundException(JobId id) {
    super("job " + id + " does not exist");
  }
}
