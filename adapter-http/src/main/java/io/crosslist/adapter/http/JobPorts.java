package io.crosslist.adapter.http;

import io.crosslist.application.job.port.in.CancelBatchUseCase;
import io.crosslist.application.job.port.in.CancelJobUseCase;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.EnrichProductsUseCase;
import io.crosslist.application.job.port.in.GetBatchUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase;
import io.crosslist.application.job.port.in.ListJobTypesUseCase;
import io.crosslist.application.job.port.in.ListJobsUseCase;
import io.crosslist.application.job.port.in.RetryJobUseCase;
import java.util.Objects;

/**
 * The job, batch and job-type in-ports the HTTP API calls (with the enrichment of named products), and the operators' grouping of standalone jobs into
 * batches ({@code POST /admin/jobs/batch-existing}).
 */
public record JobPorts(EnqueueJobUseCase enqueue, EnqueueBatchUseCase enqueueBatch, GetJobUseCase get,
    ListJobsUseCase list, CancelJobUseCase cancel, RetryJobUseCase retry, GetBatchUseCase getBatch,
    CancelBatchUseCase cancelBatch, ListJobTypesUseCase jobTypes, GroupStandaloneJobsUseCase groupStandalone,
    EnrichProductsUseCase enrich) {
  public JobPorts {
    Objects.requireNonNull(enqueue, "enqueue");
    Objects.requireNonNull(enqueueBatch, "enqueueBatch");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(cancel, "cancel");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(getBatch, "getBatch");
    Objects.requireNonNull(cancelBatch, "cancelBatch");
    Objects.requireNonNull(jobTypes, "jobTypes");
    Objects.requireNonNull(groupStandalone, "groupStandalone");
    Objects.requireNonNull(enrich, "enrich");
  }
}
