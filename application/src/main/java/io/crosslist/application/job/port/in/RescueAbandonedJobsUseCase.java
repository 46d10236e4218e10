package io.crosslist.application.job.port.in;

/** In-port: gives back jobs whose worker died (lease expired): PENDING again, or FAILED without attempts left. */
public interface RescueAbandonedJobsUseCase {

  /** Rescues up to {@code limit} jobs; returns how many. */
  int rescueAbandoned(int limit);
}
