package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import java.util.List;

/** In-port: a worker claims runnable jobs of all tenants, fairly, and starts them. */
public interface ClaimJobsUseCase {

  /** Jobs leased to {@code worker} and RUNNING; empty when nothing is runnable now. */
  List<ClaimedJob> claim(String worker, ClaimRequest request);
}
