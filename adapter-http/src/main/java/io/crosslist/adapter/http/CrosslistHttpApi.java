package io.crosslist.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crosslist.adapter.http.ConnectionJson.ConnectBody;
import io.crosslist.adapter.http.ConnectionJson.ConnectionBody;
import io.crosslist.adapter.http.JobJson.BatchBody;
import io.crosslist.adapter.http.JobJson.BatchView;
import io.crosslist.adapter.http.JobJson.JobBody;
import io.crosslist.adapter.http.JobJson.JobView;
import io.crosslist.adapter.http.ProductJson.ProductBody;
import io.crosslist.adapter.http.ProductJson.ProductView;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase.EnqueueBatchCommand;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase.ChangeProductStatusCommand;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase;
import io.crosslist.application.product.port.in.CreateProductUseCase.CreateProductCommand;
import io.crosslist.application.product.port.in.CreateProductUseCase;
import io.crosslist.application.product.port.in.DeleteProductUseCase;
import io.crosslist.application.product.port.in.GetProductUseCase;
import io.crosslist.application.product.port.in.ListProductsUseCase;
import io.crosslist.application.product.port.in.UpdateProductUseCase.UpdateProductCommand;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.ConnectionAlreadyExistsException;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionNotFoundException;
import io.crosslist.domain.job.BatchId;
import io.crosslist.domain.job.BatchJob;
import io.crosslist.domain.job.BatchNotFoundException;
import io.crosslist.domain.job.IllegalJobTransitionException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobNotFoundException;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobSearch;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.IllegalStatusTransitionException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotEditableException;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.product.UnknownReferenceException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.UnknownTenantException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crosslist's REST API on Javalin: every tenant route needs a bearer JWT, and the tenant
 * comes only from its verified claim, so one tenant's token cannot name another tenant's data. Errors
 * are RFC 9457 {@code application/problem+json} with a stable {@code type}; no stack trace or SQL text
 * ever reaches a response.
 *
 * <pre>{@code
 * // the in-ports, e.g. from bootstrap's CrosslistModule: injector.getInstance(CrosslistHttpApi.Ports.class)
 * CrosslistHttpApi api = new CrosslistHttpApi(HttpSettings.of(8080, secret), ports,
 *     new CrosslistHttpApi.Operations(readiness, meterRegistry, prometheus::scrape));
 * int port = api.start();
 * ...
 * api.close(); // requests in flight finish first
 * }</pre>
 */
public final class CrosslistHttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrosslistHttpApi.class);
  private static final String PROBLEM_TYPES = "https://crosslist.io/problems/";
  private static final String TENANT = "crosslist.tenant";
  private static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private final HttpSettings settings;
  private final Ports ports;
  private final BearerTokens tokens;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private Javalin app;

  /** The in-ports the API calls. */
  public record Ports(CreateProductUseCase createProduct, GetProductUseCase getProduct,
      ListProductsUseCase listProducts, UpdateProductUseCase updateProduct,
      ChangeProductStatusUseCase changeProductStatus, DeleteProductUseCase deleteProduct, JobPorts jobs,
      ConnectionPorts connections, ActivityPorts activity, TenantPorts tenants) {
    public Ports {
      Objects.requireNonNull(createProduct, "createProduct");
      Objects.requireNonNull(getProduct, "getProduct");
      Objects.requireNonNull(listProducts, "listProducts");
      Objects.requireNonNull(updateProduct, "updateProduct");
      Objects.requireNonNull(changeProductStatus, "changeProductStatus");
      Objects.requireNonNull(deleteProduct, "deleteProduct");
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(connections, "connections");
      Objects.requireNonNull(activity, "activity");
      Objects.requireNonNull(tenants, "tenants");
    }
  }

  /**
   * What the operations endpoints need: {@code /health/ready} asks {@code readiness}; requests are timed
   * in {@code registry} ({@code http.server.requests} by method, route and status); {@code /metrics}
   * answers {@code scrape} (the Prometheus text, or null when metrics are not exported).
   */
  public record Operations(Readiness readiness, MeterRegistry registry, Supplier<String> scrape) {
    public Operations {
      Objects.requireNonNull(readiness, "readiness");
      Objects.requireNonNull(registry, "registry");
    }
  }

  private final Operations operations;
  /** How long a tenant's status is trusted before the registry is asked again (changes made here apply at once). */
  private static final Duration TENANT_STATUS_TTL = Duration.ofSeconds(2);
  /** How long {@link #close()} waits for requests in flight. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
  private final TenantGate gate;
  private final AdminRoutes admin;
  private final ActivityRoutes activity;
  private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The request timers by "method route status": found by one map lookup instead of a registry builder. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public CrosslistHttpApi(HttpSettings settings, Ports ports, Operations operations) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.operations = Objects.requireNonNull(operations, "operations");
    this.tokens = new BearerTokens(settings, Clock.systemUTC());
    this.gate = new TenantGate(ports.tenants().get(), TENANT_STATUS_TTL.toNanos(), System::nanoTime);
    this.admin = new AdminRoutes(this, ports.tenants(), gate);
    this.activity = new ActivityRoutes(this, ports.activity(), Clock.systemUTC());
  }

  /** Starts listening; returns the port (useful with port 0). */
  public synchronized int start() {
    if (app != null) {
      throw new IllegalStateException("the API was already started");
    }
    app = Javalin.create(config -> {
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      // Javalin stops Jetty abruptly; a GracefulHandler around its servlet lets requests in flight at
      // close() finish (up to DRAIN_TIMEOUT) while new connections are refused
      config.jetty.modifyServer(server -> {
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(DRAIN_TIMEOUT.toMillis());
      });
      config.requestLogger.http(this::logAndTime);
      config.routes.before(this::requestId);
      route(config, HandlerType.GET, "/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
      route(config, HandlerType.GET, "/health/ready", this::ready);
      route(config, HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
      route(config, HandlerType.GET, "/metrics", ctx -> {
        String text = operations.scrape() == null ? null : operations.scrape().get();
        if (text == null) {
          throw new HttpProblem(404, "not-found", "Not found", "metrics are not exported by this server");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(text);
      });
      config.routes.before("/products*", this::authenticate);
      route(config, HandlerType.POST, "/products", this::createProduct);
      route(config, HandlerType.GET, "/products", this::listProducts);
      route(config, HandlerType.GET, "/products/{id}", this::getProduct);
      route(config, HandlerType.PUT, "/products/{id}", this::updateProduct);
      route(config, HandlerType.POST, "/products/{id}/status", this::changeProductStatus);
      route(config, HandlerType.DELETE, "/products/{id}", this::deleteProduct);
      route(config, HandlerType.GET, "/products/{id}/listings", ctx -> activity.listings(ctx, productId(ctx)));
      config.routes.before("/conversations*", this::authenticate);
      config.routes.before("/error-log*", this::authenticate);
      config.routes.before("/statistics*", this::authenticate);
      route(config, HandlerType.GET, "/conversations", activity::conversations);
      route(config, HandlerType.GET, "/error-log", activity::errorLog);
      route(config, HandlerType.GET, "/statistics", activity::statistics);
      config.routes.before("/jobs*", this::authenticate);
      config.routes.before("/batches*", this::authenticate);
      route(config, HandlerType.POST, "/jobs", this::enqueueJob);
      route(config, HandlerType.GET, "/jobs", this::listJobs);
      route(config, HandlerType.GET, "/jobs/{id}", ctx -> respond(ctx, JobView.of(ports.jobs().get().get(tenant(ctx), jobId(ctx)))));
      route(config, HandlerType.POST, "/jobs/{id}/cancel", ctx -> respond(ctx, JobView.of(ports.jobs().cancel().cancel(tenant(ctx),
          jobId(ctx)))));
      route(config, HandlerType.POST, "/jobs/{id}/retry", ctx -> respond(ctx, JobView.of(ports.jobs().retry().retry(tenant(ctx),
          jobId(ctx)))));
      config.routes.before("/admin*", this::authenticateAdmin);
      route(config, HandlerType.POST, "/admin/tenants", admin::provision);
      route(config, HandlerType.GET, "/admin/tenants", admin::list);
      route(config, HandlerType.GET, "/admin/tenants/{id}", admin::get);
      route(config, HandlerType.POST, "/admin/tenants/{id}/suspend", admin::suspend);
      route(config, HandlerType.POST, "/admin/tenants/{id}/reactivate", admin::reactivate);
      config.routes.before("/connections*", this::authenticate);
      route(config, HandlerType.GET, "/connections", ctx -> respond(ctx, ports.connections().get().list(tenant(ctx))
          .stream().map(ConnectionBody::of).toList()));
      route(config, HandlerType.POST, "/connections", ctx -> {
        ConnectionBody created = ConnectionBody.of(ports.connections().connect().connect(
            read(ctx, ConnectBody.class).toCommand(tenant(ctx))));
        ctx.status(201).header("Location", "/connections/" + created.id());
        respond(ctx, created);
      });
      route(config, HandlerType.GET, "/connections/{id}", ctx -> respond(ctx, ConnectionBody.of(
          ports.connections().get().get(tenant(ctx), connectionId(ctx)))));
      route(config, HandlerType.DELETE, "/connections/{id}", ctx -> respond(ctx, ConnectionBody.of(
          ports.connections().disconnect().disconnect(tenant(ctx), connectionId(ctx)))));
      route(config, HandlerType.POST, "/batches", this::enqueueBatch);
      route(config, HandlerType.GET, "/batches/{id}", ctx -> respond(ctx, BatchView.of(ports.jobs().getBatch().get(tenant(ctx),
          batchId(ctx)))));
      route(config, HandlerType.POST, "/batches/{id}/cancel", ctx -> respond(ctx, BatchView.of(ports.jobs().cancelBatch()
          .cancel(tenant(ctx), batchId(ctx)))));
      config.routes.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e));
      config.routes.exception(ValidationException.class, (e, ctx) -> problem(ctx, new HttpProblem(422,
          "validation", "Invalid request", "one or more fields are invalid",
          e.violations().stream().map(v -> new HttpProblem.FieldError(v.field(), v.rule())).toList())));
      config.routes.exception(UnknownReferenceException.class, (e, ctx) -> problem(ctx, new HttpProblem(422,
          "validation", "Invalid request", "one or more fields are invalid",
          List.of(new HttpProblem.FieldError(e.field(), e.getMessage())))));
      config.routes.exception(ProductNotFoundException.class, (e, ctx) -> problem(ctx, notFound("product")));
      config.routes.exception(ConnectionNotFoundException.class, (e, ctx) -> problem(ctx, notFound("connection")));
      config.routes.exception(ConnectionAlreadyExistsException.class, (e, ctx) -> problem(ctx, new HttpProblem(409,
          "already-connected", "Already connected", e.getMessage())));
      config.routes.exception(UnknownTenantException.class, (e, ctx) -> problem(ctx, notFound("tenant")));
      config.routes.exception(JobNotFoundException.class, (e, ctx) -> problem(ctx, notFound("job")));
      config.routes.exception(BatchNotFoundException.class, (e, ctx) -> problem(ctx, notFound("batch")));
      config.routes.exception(IllegalJobTransitionException.class, (e, ctx) -> problem(ctx, new HttpProblem(409,
          "illegal-transition", "Illegal status change", e.getMessage())));
      config.routes.exception(ConcurrentUpdateException.class, (e, ctx) -> problem(ctx, new HttpProblem(409,
          "version-conflict", "Version conflict", "the product changed since that version; read it again")));
      config.routes.exception(ProductNotEditableException.class, (e, ctx) -> problem(ctx, new HttpProblem(409,
          "not-editable", "Not editable", e.getMessage())));
      config.routes.exception(IllegalStatusTransitionException.class, (e, ctx) -> problem(ctx, new HttpProblem(409,
          "illegal-transition", "Illegal status change", e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, new HttpProblem(500, "internal", "Internal error", "the request could not be completed"));
      });
      // Javalin's own refusals (no such route, body over maxRequestSize, ...) as problems too
      config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, switch (e.getStatus()) {
        case 404 -> new HttpProblem(404, "not-found", "Not found", "no route matches " + ctx.method() + " "
            + ctx.path());
        case 405 -> new HttpProblem(405, "method-not-allowed", "Method not allowed", ctx.method() + " is not"
            + " allowed on " + ctx.path());
        case 413 -> tooLarge();
        default -> new HttpProblem(e.getStatus(), "http-" + e.getStatus(), "HTTP " + e.getStatus(),
            "the request was refused");
      }));
    }).start();
    LOG.info("HTTP API listening on {}:{}", settings.host(), app.port());
    return app.port();
  }

  /** Every route goes through here, so that {@link #routes()} lists exactly what is served. */
  private void route(JavalinConfig config, HandlerType method, String path, Handler handler) {
    routes.add(method.name() + " " + path);
    config.routes.addHttpHandler(method, path, handler);
  }

  /** The routes this API serves, as {@code "METHOD /path/{param}"}; the OpenAPI document lists the same. */
  public List<String> routes() {
    return List.copyOf(routes);
  }

  /** The tenant routes: a valid token whose tenant is provisioned and active (401 and 403 otherwise). */
  private void authenticate(Context ctx) {
    TenantId tenant = tokens.callerOf(ctx.header("Authorization")).tenant();
    ctx.attribute(TENANT, tenant);
    gate.admit(tenant);
  }

  /** The admin routes: a valid token whose admin claim is {@code true}; any other valid token gets 403. */
  private void authenticateAdmin(Context ctx) {
    if (!tokens.callerOf(ctx.header("Authorization")).admin()) {
      throw new HttpProblem(403, "forbidden", "Forbidden", "this route needs a token with the admin claim");
    }
  }

  /** Echoes a sane {@code X-Request-Id} or makes one, for the response and the request log. */
  private void requestId(Context ctx) {
    String given = ctx.header(REQUEST_ID);
    // 64 random bits are plenty to tell requests apart; UUID.randomUUID would serialize every request on
    // the one SecureRandom (measured: the most contended lock under load)
    String id = given != null && SANE_REQUEST_ID.matcher(given).matches() ? given
        : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    ctx.attribute(REQUEST_ID, id);
    ctx.header(REQUEST_ID, id);
  }

  private void ready(Context ctx) throws IOException {
    Readiness.Status status = operations.readiness().check();
    ctx.status(status.ready() ? 200 : 503);
    respond(ctx, Map.of("status", status.ready() ? "UP" : "DOWN", "detail", status.detail()));
  }

  /** One structured line per request, and the latency timer by route template (never the raw path). */
  private void logAndTime(Context ctx, Float millis) {
    var endpoint = ctx.endpoints().lastHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    String method = ctx.method().name();
    int status = ctx.statusCode();
    timers.computeIfAbsent(method + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
        .tag("method", method).tag("route", route).tag("status", String.valueOf(status))
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(operations.registry())).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    if (!LOG.isInfoEnabled()) {
      return;
    }
    TenantId tenant = ctx.attribute(TENANT);
    LOG.info("request id={} method={} route={} status={} tenant={} ms={}", ctx.<String>attribute(REQUEST_ID),
        ctx.method().name(), route, ctx.statusCode(), tenant == null ? "-" : tenant.value(),
        String.format(java.util.Locale.ROOT, "%.1f", millis));
  }

  static TenantId tenant(Context ctx) {
    return Objects.requireNonNull(ctx.attribute(TENANT), "authenticated tenant");
  }

  private void createProduct(Context ctx) throws IOException {
    ProductBody body = read(ctx, ProductBody.class);
    Product created = ports.createProduct().create(new CreateProductCommand(tenant(ctx), body.toDetails()));
    ctx.status(201).header("Location", "/products/" + created.id().value());
    respond(ctx, ProductView.of(created));
  }

  private void getProduct(Context ctx) throws IOException {
    Product product = ports.getProduct().get(tenant(ctx), productId(ctx));
    ctx.header("ETag", "\"" + product.version() + "\"");
    respond(ctx, ProductView.of(product));
  }

  private void listProducts(Context ctx) throws IOException {
    ProductSearch search = new ProductSearch(
        query(ctx, "status", v -> ProductStatus.valueOf(v.toUpperCase(java.util.Locale.ROOT))),
        ctx.queryParam("brand"), ctx.queryParam("category"), ctx.queryParam("q"),
        query(ctx, "minPrice", java.math.BigDecimal::new), query(ctx, "maxPrice", java.math.BigDecimal::new),
        query(ctx, "cursor", PageCursor::decode),
        Objects.requireNonNullElse(query(ctx, "limit", Integer::valueOf), ProductSearch.DEFAULT_LIMIT));
    Page<Product> page = ports.listProducts().list(tenant(ctx), search);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(ProductView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    respond(ctx, body);
  }

  /** A query parameter parsed by {@code parse}; a value it refuses is a 422 naming the parameter. */
  static <T> T query(Context ctx, String name, java.util.function.Function<String, T> parse) {
    return query(ctx, name, parse, "has an invalid value");
  }

  /** As {@link #query(Context, String, java.util.function.Function)}, with the rule a refused value breaks. */
  static <T> T query(Context ctx, String name, java.util.function.Function<String, T> parse, String rule) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ValidationException.of(name, rule);
    }
  }

  /** PUT with {@code If-Match: <version>} (the product's {@code version}, also sent as its ETag). */
  private void updateProduct(Context ctx) throws IOException {
    ProductId id = productId(ctx);
    long version = expectedVersion(ctx).orElseThrow(() -> new HttpProblem(428, "version-required",
        "Version required", "send If-Match with the version you read (the ETag of GET /products/{id})"));
    ProductBody body = read(ctx, ProductBody.class);
    respond(ctx, ProductView.of(ports.updateProduct().update(new UpdateProductCommand(tenant(ctx), id, version,
        body.toDetails()))));
  }

  /** The body of POST /products/{id}/status. */
  record StatusBody(String status) {}

  private void changeProductStatus(Context ctx) throws IOException {
    ProductId id = productId(ctx);
    StatusBody body = read(ctx, StatusBody.class);
    ProductStatus target;
    try {
      target = ProductStatus.valueOf(String.valueOf(body.status()).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("status", "must be one of " + java.util.Arrays.toString(ProductStatus.values()));
    }
    respond(ctx, ProductView.of(ports.changeProductStatus().changeStatus(new ChangeProductStatusCommand(tenant(ctx),
        id, target, expectedVersion(ctx)))));
  }

  private void deleteProduct(Context ctx) {
    ports.deleteProduct().delete(tenant(ctx), productId(ctx));
    ctx.status(204);
  }

  private static OptionalLong expectedVersion(Context ctx) {
    String match = ctx.header("If-Match");
    if (match == null || match.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(match.trim().replace("\"", "")));
    } catch (NumberFormatException e) {
      throw ValidationException.of("If-Match", "must be a product version such as \"3\"");
    }
  }

  private void enqueueJob(Context ctx) throws IOException {
    MarketplaceJob job = ports.jobs().enqueue().enqueue(tenant(ctx), read(ctx, JobBody.class).toRequest());
    ctx.status(201).header("Location", "/jobs/" + job.id().value());
    respond(ctx, JobView.of(job));
  }

  private void enqueueBatch(Context ctx) throws IOException {
    BatchBody body = read(ctx, BatchBody.class);
    List<JobRequest> requests = new java.util.ArrayList<>();
    List<JobBody> jobs = body.jobs() == null ? List.of() : body.jobs();
    for (int i = 0; i < jobs.size(); i++) {
      try {
        requests.add(jobs.get(i).toRequest());
      } catch (ValidationException e) {
        throw e.nestedUnder("jobs[" + i + "]");
      }
    }
    BatchJob batch = ports.jobs().enqueueBatch().enqueue(new EnqueueBatchCommand(tenant(ctx), body.description(),
        requests));
    ctx.status(201).header("Location", "/batches/" + batch.id().value());
    respond(ctx, BatchView.of(batch));
  }

  private void listJobs(Context ctx) throws IOException {
    JobSearch search = new JobSearch(
        query(ctx, "status", v -> JobJson.parse(JobStatus.class, "status", v)),
        query(ctx, "marketplace", v -> JobJson.parse(Marketplace.class, "marketplace", v)),
        query(ctx, "action", v -> JobJson.parse(JobAction.class, "action", v)),
        query(ctx, "batch", v -> BatchId.of(Long.parseLong(v))),
        query(ctx, "cursor", PageCursor::decode),
        Objects.requireNonNullElse(query(ctx, "limit", Integer::valueOf), JobSearch.DEFAULT_LIMIT));
    Page<MarketplaceJob> page = ports.jobs().list().list(tenant(ctx), search);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(JobView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    respond(ctx, body);
  }

  private static ConnectionId connectionId(Context ctx) {
    try {
      return ConnectionId.of(Long.parseLong(ctx.pathParam("id")));
    } catch (RuntimeException e) {
      throw notFound("connection");
    }
  }

  private static JobId jobId(Context ctx) {
    try {
      return JobId.of(Long.parseLong(ctx.pathParam("id")));
    } catch (RuntimeException e) {
      throw notFound("job");
    }
  }

  private static BatchId batchId(Context ctx) {
    try {
      return BatchId.of(Long.parseLong(ctx.pathParam("id")));
    } catch (RuntimeException e) {
      throw notFound("batch");
    }
  }

  /** An id that is not a positive number names no product of anyone: 404, as an unknown one. */
  private static ProductId productId(Context ctx) {
    try {
      return ProductId.of(Long.parseLong(ctx.pathParam("id")));
    } catch (RuntimeException e) {
      throw notFound("product");
    }
  }

  <T> T read(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
          "send the body as application/json");
    }
    if (ctx.contentLength() > settings.maxBodyBytes()) {
      throw tooLarge();
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > settings.maxBodyBytes()) {
      throw tooLarge();
    }
    try {
      T value = json.readValue(bytes, type);
      if (value == null) {
        throw new HttpProblem(400, "malformed-json", "Malformed JSON", "the body must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new HttpProblem(400, "unknown-field", "Unknown field", "the body has a field this API does not know",
          List.of(new HttpProblem.FieldError(path(e), "is not a known field")));
    } catch (MismatchedInputException e) {
      throw new HttpProblem(400, "wrong-type", "Wrong type", "a field has a value of the wrong type",
          List.of(new HttpProblem.FieldError(path(e), "has the wrong type")));
    } catch (JsonProcessingException e) {
      throw new HttpProblem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON");
    } catch (IOException e) {
      throw new HttpProblem(400, "malformed-json", "Malformed JSON", "the body could not be read");
    }
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static HttpProblem tooLarge() {
    return new HttpProblem(413, "body-too-large", "Body too large", "the request body exceeds the size limit");
  }

  private static HttpProblem notFound(String what) {
    return new HttpProblem(404, "not-found", "Not found", "no such " + what);
  }

  void respond(Context ctx, Object body) throws IOException {
    ctx.contentType("application/json").result(json.writeValueAsBytes(body));
  }

  private void problem(Context ctx, HttpProblem p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", PROBLEM_TYPES + p.type);
    body.put("title", p.title);
    body.put("status", p.status);
    body.put("detail", p.getMessage());
    if (!p.errors.isEmpty()) {
      body.put("errors", p.errors);
    }
    try {
      ctx.status(p.status).contentType("application/problem+json").result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      ctx.status(500).result("");
    }
  }

  /** The OpenAPI 3.1 document of this API (a resource of this module, checked against {@link #routes()} by a test). */
  public static byte[] openApi() {
    try (var in = CrosslistHttpApi.class.getResourceAsStream("openapi.json")) {
      return Objects.requireNonNull(in, "openapi.json").readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Stops listening; requests in flight finish first (up to 20 s). Idempotent. */
  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }
}
