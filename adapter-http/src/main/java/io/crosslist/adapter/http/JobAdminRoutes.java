package io.crosslist.adapter.http;

import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupCommand;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupedBatch;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.GroupingReport;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase.TenantGrouping;
import io.crosslist.application.schedule.TenantScope;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.BatchCounts;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.tenant.TenantId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /admin/jobs/batch-existing}: groups the tenants' standalone jobs into batches (or, with {@code dryRun}, says
 * what it would group), in the request; the answer is the report per tenant. The admin filter guards it.
 */
final class JobAdminRoutes {
  /** The window when the body names none. */
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
  private final HttpJson json;
  private final JobPorts jobs;

  JobAdminRoutes(HttpJson json, JobPorts jobs) {
    this.json = json;
    this.jobs = jobs;
  }

  void register(RouteTable routes) {
    routes.add(HandlerType.POST, "/admin/jobs/batch-existing", this::batchExisting);
  }

  /**
   * The body, optional: {@code window} an ISO-8601 duration (default PT10M), {@code tenants} (default every
   * provisioned tenant), {@code dryRun} (default false).
   */
  record BatchExistingBody(String window, List<TenantId> tenants, Boolean dryRun) {}

  record BatchView(Long batchId, String marketplace, String action, List<Long> jobs, BatchCounts counts,
      Instant firstEnqueuedAt, Instant lastEnqueuedAt) {
    static BatchView of(GroupedBatch b) {
      return new BatchView(b.batch() == null ? null : b.batch().value(), b.type().marketplace().name(),
          b.type().action().name(), b.jobs().stream().map(JobId::value).toList(), b.counts(), b.firstEnqueuedAt(),
          b.lastEnqueuedAt());
    }
  }

  record TenantView(long tenantId, int jobsMoved, List<BatchView> batches) {
    static TenantView of(TenantGrouping t) {
      return new TenantView(t.tenant().value(), t.jobsMoved(), t.batches().stream().map(BatchView::of).toList());
    }
  }

  record ReportView(boolean dryRun, String window, int processed, int failed, int skipped, int batches,
      long jobsMoved, long durationMillis, List<TenantView> tenants, List<FleetRoutes.FailureView> failures) {
    static ReportView of(GroupingReport r) {
      return new ReportView(r.dryRun(), r.window().toString(), r.summary().processed(), r.summary().failed(),
          r.summary().skipped(), r.batches(), r.jobsMoved(), r.summary().duration().toMillis(),
          r.tenants().stream().map(TenantView::of).toList(),
          r.summary().failures().stream().map(FleetRoutes.FailureView::of).toList());
    }
  }

  private void batchExisting(Context ctx) throws IOException {
    BatchExistingBody body = ctx.body().isBlank() ? new BatchExistingBody(null, null, null)
        : json.read(ctx, BatchExistingBody.class);
    Duration window = DEFAULT_WINDOW;
    if (body.window() != null) {
      try {
        window = Duration.parse(body.window());
      } catch (DateTimeParseException e) {
        throw ValidationException.of("window", "must be an ISO-8601 duration such as PT10M");
      }
    }
    TenantScope scope = body.tenants() == null ? TenantScope.ALL : TenantScope.only(body.tenants());
    GroupingReport report = jobs.groupStandalone().group(new GroupCommand(scope, window,
        Boolean.TRUE.equals(body.dryRun())));
    json.respond(ctx, ReportView.of(report));
  }
}
