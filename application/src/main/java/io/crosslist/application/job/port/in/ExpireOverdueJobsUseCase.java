package io.crosslist.application.job.port.in;

/** In-port: ends PENDING jobs whose expiry time has passed (EXPIRED). */
public interface ExpireOverdueJobsUseCase {

  /** Expires up to {@code limit} jobs; returns how many. */
  int expireOverdue(int limit);
}
