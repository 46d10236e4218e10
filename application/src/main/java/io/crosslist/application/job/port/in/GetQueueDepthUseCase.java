package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobQueue.QueueDepth;
import java.util.List;

/** In-port: how much work waits and runs per marketplace, across all tenants (for metrics). */
public interface GetQueueDepthUseCase {

  List<QueueDepth> depth();
}
