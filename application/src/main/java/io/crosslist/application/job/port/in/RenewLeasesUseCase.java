package io.crosslist.application.job.port.in;

import java.time.Duration;

/** In-port: the heartbeat of a live worker, extending the leases of the jobs it runs. */
public interface RenewLeasesUseCase {

  /** Extends every lease {@code worker} holds by {@code lease} from now; returns how many. */
  int renewLeases(String worker, Duration lease);
}
