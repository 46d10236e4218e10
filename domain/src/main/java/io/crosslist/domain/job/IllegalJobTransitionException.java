package io.crosslist.domain.job;

import io.crosslist.domain.DomainException;

/** A status change the job lifecycle does not allow, e.g. COMPLETED to RUNNING. */
public final class IllegalJobTransitionException extends DomainException {
  private static final long serialVersionUID = 1L;

  public IllegalJobTransitionException(JobId id, JobStatus from, JobStatus to) {
    super("job " + (id == null ? "(new)" : id) + " cannot go from " + from + " to " + to);
  }
}
