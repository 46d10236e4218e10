package io.crosslist.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosslist.application.port.out.DatabaseUnavailableException;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.ConnectionAlreadyExistsException;
import io.crosslist.domain.connection.ConnectionNotFoundException;
import io.crosslist.domain.connection.SecretsNotConfiguredException;
import io.crosslist.domain.imports.ImportFileTooLargeException;
import io.crosslist.domain.imports.ImportNotFoundException;
import io.crosslist.domain.job.BatchNotFoundException;
import io.crosslist.domain.job.IllegalJobTransitionException;
import io.crosslist.domain.job.JobNotFoundException;
import io.crosslist.domain.product.DuplicateSkuException;
import io.crosslist.domain.product.IllegalStatusTransitionException;
import io.crosslist.domain.product.ProductNotEditableException;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.schedule.TaskRunningException;
import io.crosslist.domain.suggestion.SuggestionConflictException;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import io.crosslist.domain.suggestion.SuggestionNotFoundException;
import io.crosslist.domain.schedule.UnknownTaskException;
import io.crosslist.domain.tenant.TenantNotSuspendedException;
import io.crosslist.domain.tenant.UnknownTenantException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's error model, in one place: which status and problem type each failure gets. Every error
 * response is RFC 9457 {@code application/problem+json} with a stable {@code type}; no stack trace or
 * SQL text ever reaches a body.
 *
 * <table>
 * <caption>What answers what</caption>
 * <tr><td>400</td><td>malformed JSON, unknown field, wrong type, invalid path or query parameter, NUL character,
 *     two {@code Authorization} headers (401), Jetty's own refusals of a malformed request</td></tr>
 * <tr><td>401 / 403</td><td>no valid token / not allowed (admin claim, suspended or unprovisioned tenant)</td></tr>
 * <tr><td>404 / 405</td><td>no such resource of this tenant, no such route / method</td></tr>
 * <tr><td>409 / 428</td><td>a version or state conflict (a suggestion decided before or made from an older
 *     version of its product), a run now of a task that is running / {@code If-Match} missing</td></tr>
 * <tr><td>502</td><td>the listing suggester's answer was malformed or broke a marketplace's limits
 *     ({@code suggestion-failed})</td></tr>
 * <tr><td>413 / 414 / 431</td><td>body, URI or headers too large</td></tr>
 * <tr><td>415 / 422</td><td>not JSON / a field breaks a rule (each field named with its rule)</td></tr>
 * <tr><td>503</td><td>the tenant's schema is being migrated to this build ({@code tenant-migrating},
 *     {@code Retry-After}), the database is unavailable ({@code database-unavailable}, {@code Retry-After}), the
 *     listing suggester is unavailable ({@code suggester-unavailable}, {@code Retry-After}), no secret keyset is
 *     configured for credentials ({@code secrets-not-configured}), or the server is stopping</td></tr>
 * <tr><td>500</td><td>a bug: logged with its stack trace, the body says nothing more</td></tr>
 * </table>
 */
final class Problems {
  static final String TYPES = "https://crosslist.io/problems/";
  /** Seconds a client waits before retrying after a 503 for a database outage. */
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(CrosslistHttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /** Maps every failure a handler can raise to its problem. */
  static void install(JavalinConfig config) {
    var routes = config.routes;
    routes.exception(HttpProblem.class, (e, ctx) -> write(ctx, e));
    routes.exception(ValidationException.class, (e, ctx) -> write(ctx, invalid(e.violations().stream()
        .map(v -> new HttpProblem.FieldError(v.field(), v.rule())).toList())));
    routes.exception(UnknownReferenceException.class, (e, ctx) -> write(ctx, invalid(List.of(
        new HttpProblem.FieldError(e.field(), e.getMessage())))));
    routes.exception(ProductNotFoundException.class, (e, ctx) -> write(ctx, notFound("product")));
    routes.exception(ConnectionNotFoundException.class, (e, ctx) -> write(ctx, notFound("connection")));
    routes.exception(UnknownTenantException.class, (e, ctx) -> write(ctx, notFound("tenant")));
    routes.exception(JobNotFoundException.class, (e, ctx) -> write(ctx, notFound("job")));
    routes.exception(BatchNotFoundException.class, (e, ctx) -> write(ctx, notFound("batch")));
    routes.exception(ImportNotFoundException.class, (e, ctx) -> write(ctx, notFound("import")));
    routes.exception(ImportFileTooLargeException.class, (e, ctx) -> write(ctx, new HttpProblem(413, "file-too-large",
        "File too large", e.getMessage(), List.of(new HttpProblem.FieldError("file", "must be at most " + e.limit()
        + " bytes")))));
    routes.exception(DuplicateSkuException.class, (e, ctx) -> write(ctx, new HttpProblem(409, "duplicate-sku",
        "Duplicate SKU", e.getMessage())));
    routes.exception(UnknownTaskException.class, (e, ctx) -> write(ctx, new HttpProblem(404, "not-found", "Not found",
        e.getMessage())));
    routes.exception(TaskRunningException.class, (e, ctx) -> write(ctx, new HttpProblem(409, "task-running",
        "Task running", e.getMessage())));
    routes.exception(ConnectionAlreadyExistsException.class, (e, ctx) -> write(ctx, new HttpProblem(409,
        "already-connected", "Already connected", e.getMessage())));
    routes.exception(IllegalJobTransitionException.class, (e, ctx) -> write(ctx, new HttpProblem(409,
        "illegal-transition", "Illegal status change", e.getMessage())));
    routes.exception(ConcurrentUpdateException.class, (e, ctx) -> write(ctx, new HttpProblem(409,
        "version-conflict", "Version conflict", e.getMessage())));
    routes.exception(ProductNotEditableException.class, (e, ctx) -> write(ctx, new HttpProblem(409,
        "not-editable", "Not editable", e.getMessage())));
    routes.exception(TenantNotSuspendedException.class, (e, ctx) -> write(ctx, new HttpProblem(409,
        "tenant-active", "Tenant active", e.getMessage())));
    routes.exception(IllegalStatusTransitionException.class, (e, ctx) -> write(ctx, new HttpProblem(409,
        "illegal-transition", "Illegal status change", e.getMessage())));
    routes.exception(SuggestionNotFoundException.class, (e, ctx) -> write(ctx, notFound("suggestion")));
    routes.exception(SuggestionConflictException.class, (e, ctx) -> write(ctx,
        e.kind() == SuggestionConflictException.Kind.STALE
            ? new HttpProblem(409, "suggestion-stale", "Suggestion stale", e.getMessage())
            : new HttpProblem(409, "suggestion-decided", "Suggestion decided", e.getMessage())));
    routes.exception(SuggestionFailedException.class, (e, ctx) -> write(ctx, e.retryable()
        ? HttpProblem.retryAfter(RETRY_AFTER_SECONDS, "suggester-unavailable", "Suggester unavailable",
            "no suggestion now: " + e.getMessage())
        : new HttpProblem(502, "suggestion-failed", "Suggestion failed", e.getMessage())));
    routes.exception(DatabaseUnavailableException.class, (e, ctx) -> {
      LOG.warn("request id={} {} {}: {}", RequestPipeline.requestId(ctx), ctx.method().name(), ctx.path(),
          e.getMessage());
      write(ctx, HttpProblem.retryAfter(RETRY_AFTER_SECONDS, "database-unavailable", "Database unavailable",
          "the database cannot serve this request now; retry after " + RETRY_AFTER_SECONDS + " seconds"));
    });
    routes.exception(SecretsNotConfiguredException.class, (e, ctx) -> write(ctx, new HttpProblem(503,
        "secrets-not-configured", "Credentials cannot be stored", "this server has no secret keyset, so it cannot"
        + " store marketplace credentials; its operator sets " + SecretsNotConfiguredException.SETTING)));
    routes.exception(Exception.class, (e, ctx) -> {
      if (isClientAbort(e)) {
        LOG.info("request id={} {} {}: the client closed the connection before its request was read",
            RequestPipeline.requestId(ctx), ctx.method().name(), ctx.path());
        write(ctx, new HttpProblem(400, "client-aborted", "Client aborted", "the request body was not complete"));
        return;
      }
      LOG.error("request id={} {} {} failed", RequestPipeline.requestId(ctx), ctx.method().name(), ctx.path(), e);
      write(ctx, new HttpProblem(500, "internal", "Internal error", "the request could not be completed"));
    });
    // Javalin's own refusals (no such route, body over maxRequestSize, ...) as problems too
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, switch (e.getStatus()) {
      case 404 -> new HttpProblem(404, "not-found", "Not found", "no route matches " + ctx.method().name() + " "
          + ctx.path());
      case 405 -> new HttpProblem(405, "method-not-allowed", "Method not allowed", ctx.method().name()
          + " is not allowed on " + ctx.path());
      case 413 -> tooLarge();
      default -> ofStatus(e.getStatus());
    }));
  }

  /** A client that went away mid-request: Jetty reports an early end of the body. */
  static boolean isClientAbort(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EofException || t instanceof EOFException
          || (t.getMessage() != null && t.getMessage().contains("Early EOF"))) {
        return true;
      }
    }
    return false;
  }

  static void write(Context ctx, HttpProblem p) {
    if (p.retryAfterSeconds > 0) {
      ctx.header("Retry-After", String.valueOf(p.retryAfterSeconds));
    }
    ctx.status(p.status).contentType("application/problem+json").result(body(p));
  }

  /** The problem's JSON body. */
  static byte[] body(HttpProblem p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPES + p.type);
    body.put("title", p.title);
    body.put("status", p.status);
    body.put("detail", p.getMessage());
    if (!p.errors.isEmpty()) {
      body.put("errors", p.errors);
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) { // plain values only: cannot happen
      return ("{\"type\":\"" + TYPES + "internal\",\"status\":" + p.status + "}").getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A problem for a bare status that the server, not a route, decided (a malformed request, stopping, ...). */
  static HttpProblem ofStatus(int status) {
    return switch (status) {
      case 400 -> new HttpProblem(400, "bad-request", "Bad request", "the request is malformed");
      case 404 -> new HttpProblem(404, "not-found", "Not found", "no route matches this request");
      case 405 -> new HttpProblem(405, "method-not-allowed", "Method not allowed", "the method is not allowed here");
      case 413 -> tooLarge();
      case 414 -> new HttpProblem(414, "uri-too-long", "URI too long", "the request URI exceeds the size limit");
      case 431 -> new HttpProblem(431, "headers-too-large", "Headers too large",
          "the request headers exceed the size limit");
      case 503 -> new HttpProblem(503, "unavailable", "Service unavailable",
          "the server is not taking requests now (it may be stopping); retry later");
      default -> new HttpProblem(status, "http-" + status, "HTTP " + status, "the request was refused");
    };
  }

  static HttpProblem invalid(List<HttpProblem.FieldError> errors) {
    return new HttpProblem(422, "validation", "Invalid request", "one or more fields are invalid", errors);
  }

  static HttpProblem tooLarge() {
    return new HttpProblem(413, "body-too-large", "Body too large", "the request body exceeds the size limit");
  }

  static HttpProblem notFound(String what) {
    return new HttpProblem(404, "not-found", "Not found", "no such " + what);
  }
}
