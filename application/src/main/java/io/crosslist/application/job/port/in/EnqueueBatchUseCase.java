package io.crosslist.application.job.port.in;

import io.crosslist.domain.Violations;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/** In-port: enqueue the jobs of one bulk action as a batch, all or none. */
public interface EnqueueBatchUseCase {

  BatchJob enqueue(EnqueueBatchCommand command);

  /**
   * @param description what the bulk action is, at most 200 characters
   * @param requests 1 to {@value #MAX_JOBS} jobs; they must not name a batch themselves
   */
  record EnqueueBatchCommand(TenantId tenant, String description, List<JobRequest> requests) {
    public static final int MAX_JOBS = 1_000;

    public EnqueueBatchCommand {
      Objects.requireNonNull(tenant, "tenant");
      description = description == null ? "" : description;
      requests = requests == null ? List.of() : List.copyOf(requests);
      Violations v = new Violations();
      v.require(description.length() <= 200, "description", "must be at most 200 characters");
      v.require(!requests.isEmpty() && requests.size() <= MAX_JOBS, "requests",
          "must hold 1 to " + MAX_JOBS + " jobs");
      for (int i = 0; i < requests.size(); i++) {
        v.require(requests.get(i).batch() == null, "requests[" + i + "].batch", "is set by the batch itself");
      }
      v.throwIfAny();
    }
  }
}
