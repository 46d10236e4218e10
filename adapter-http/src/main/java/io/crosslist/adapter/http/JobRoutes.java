package io.crosslist.adapter.http;

import static io.crosslist.adapter.http.RequestPipeline.tenant;

import io.crosslist.adapter.http.JobJson.BatchBody;
import io.crosslist.adapter.http.JobJson.BatchView;
import io.crosslist.adapter.http.JobJson.JobBody;
import io.crosslist.adapter.http.JobJson.JobTypeView;
import io.crosslist.adapter.http.JobJson.JobView;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase.EnqueueBatchCommand;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.product.ProductId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /jobs...} and {@code /batches...}: a tenant's marketplace jobs and batches; {@code /job-types}: the
 * (marketplace, action) pairs this deployment serves.
 */
final class JobRoutes {
  private final JobPorts ports;
  private final HttpJson json;

  JobRoutes(JobPorts ports, HttpJson json) {
    this.ports = ports;
    this.json = json;
  }

  void register(RouteTable routes, RequestPipeline pipeline) {
    routes.before("/jobs", pipeline::authenticate);
    routes.before("/batches", pipeline::authenticate);
    routes.before("/job-types", pipeline::authenticate);
    routes.add(HandlerType.GET, "/job-types", ctx -> json.respond(ctx, ports.jobTypes().jobTypes().stream()
        .map(JobTypeView::of).toList()));
    routes.add(HandlerType.POST, "/jobs", this::enqueue);
    routes.add(HandlerType.GET, "/jobs", this::list);
    routes.add(HandlerType.GET, "/jobs/{id}", ctx -> json.respond(ctx, JobView.of(ports.get().get(tenant(ctx),
        jobId(ctx)))));
    routes.add(HandlerType.POST, "/jobs/{id}/cancel", ctx -> json.respond(ctx, JobView.of(ports.cancel().cancel(
        tenant(ctx), jobId(ctx)))));
    routes.add(HandlerType.POST, "/jobs/{id}/retry", ctx -> json.respond(ctx, JobView.of(ports.retry().retry(
        tenant(ctx), jobId(ctx)))));
    routes.add(HandlerType.POST, "/batches", this::enqueueBatch);
    routes.add(HandlerType.GET, "/batches/{id}", ctx -> json.respond(ctx, BatchView.of(ports.getBatch().get(
        tenant(ctx), batchId(ctx)))));
    routes.add(HandlerType.POST, "/batches/{id}/cancel", ctx -> json.respond(ctx, BatchView.of(
        ports.cancelBatch().cancel(tenant(ctx), batchId(ctx)))));
  }

  private static JobId jobId(Context ctx) {
    return JobId.of(Requests.pathId(ctx));
  }

  private static BatchId batchId(Context ctx) {
    return BatchId.of(Requests.pathId(ctx));
  }

  private void enqueue(Context ctx) throws IOException {
    JobBody body = json.read(ctx, JobBody.class);
    JobRequest request = body.toRequest();
    MarketplaceJob job;
    if (body.productIds() != null) {
      if (!request.action().equals(JobAction.ENRICH_PRODUCTS)) {
        throw ValidationException.of("productIds", "names the products of an ENRICH_PRODUCTS job only");
      }
      if (body.productId() != null) {
        throw ValidationException.of("productIds", "cannot be given with productId");
      }
      if (body.priority() != null) {
        throw ValidationException.of("priority", "cannot be given with productIds");
      }
      List<ProductId> products = body.namedProducts();
      job = ports.enrich().enrich(tenant(ctx), request.marketplace(), products, request.idempotencyKey());
    } else {
      job = JobJson.inBodyTerms(() -> ports.enqueue().enqueue(tenant(ctx), request));
    }
    ctx.status(201).header("Location", "/jobs/" + job.id().value());
    json.respond(ctx, JobView.of(job));
  }

  private void enqueueBatch(Context ctx) throws IOException {
    BatchBody body = json.read(ctx, BatchBody.class);
    List<JobRequest> requests = new ArrayList<>();
    List<JobBody> jobs = body.jobs() == null ? List.of() : body.jobs();
    for (int i = 0; i < jobs.size(); i++) {
      if (jobs.get(i) == null) {
        throw ValidationException.of("jobs[" + i + "]", "must be a job object");
      }
      if (jobs.get(i).productIds() != null) {
        throw ValidationException.of("jobs[" + i + "].productIds", "is for a single ENRICH_PRODUCTS job (POST /jobs),"
            + " not a batch");
      }
      try {
        requests.add(jobs.get(i).toRequest());
      } catch (ValidationException e) {
        throw e.nestedUnder("jobs[" + i + "]");
      }
    }
    BatchJob batch = JobJson.inBodyTerms(() -> ports.enqueueBatch().enqueue(new EnqueueBatchCommand(tenant(ctx),
        body.description(), requests)));
    ctx.status(201).header("Location", "/batches/" + batch.id().value());
    json.respond(ctx, BatchView.of(batch));
  }

  private void list(Context ctx) throws IOException {
    Long batch = Requests.queryId(ctx, "batch");
    JobSearch search = new JobSearch(
        Requests.query(ctx, "status", v -> JobJson.parse(JobStatus.class, "status", v)),
        Requests.query(ctx, "marketplace", v -> JobJson.marketplace(v)),
        Requests.query(ctx, "action", v -> JobJson.action(v)),
        batch == null ? null : BatchId.of(batch),
        Requests.query(ctx, "cursor", PageCursor::decode),
        Requests.limit(ctx, JobSearch.DEFAULT_LIMIT));
    Page<MarketplaceJob> page = ports.list().list(tenant(ctx), search);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(JobView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    json.respond(ctx, body);
  }
}
